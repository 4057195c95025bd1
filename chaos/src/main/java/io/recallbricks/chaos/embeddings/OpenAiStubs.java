package io.recallbricks.chaos.embeddings;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.notMatching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.extension.MappingsLoaderExtension;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import com.github.tomakehurst.wiremock.stubbing.StubMappings;
import java.util.List;

/**
 * The fake's stub mappings, as a WireMock mappings loader so that they are loaded at startup and again after
 * WireMock's own {@code POST /__admin/reset}: the fake cannot lose its endpoints to a reset.
 *
 * <p>Authentication is plain WireMock matching: the two endpoints answer only with an
 * {@code Authorization: Bearer <something>} header; a request under {@code /v1/} without one gets OpenAI's 401.
 */
final class OpenAiStubs implements MappingsLoaderExtension {

    private static final String BEARER = "Bearer\\s+\\S+.*";
    private static final int ENDPOINT = 1;
    private static final int FALLBACK = 10;

    static final String MODELS = """
            {"object":"list","data":[
            {"id":"text-embedding-3-small","object":"model","created":1705948997,"owned_by":"system"},
            {"id":"text-embedding-3-large","object":"model","created":1705953180,"owned_by":"system"},
            {"id":"text-embedding-ada-002","object":"model","created":1671217299,"owned_by":"openai-internal"}]}""";

    @Override
    public String getName() {
        return "openai-stubs";
    }

    @Override
    public void loadMappingsInto(StubMappings stubMappings) {
        stubMappings.addMapping(post(urlPathEqualTo("/v1/embeddings"))
                .atPriority(ENDPOINT)
                .withHeader("Authorization", matching(BEARER))
                .willReturn(aResponse().withTransformers(EmbeddingsTransformer.NAME))
                .build());
        stubMappings.addMapping(get(urlPathEqualTo("/v1/models"))
                .atPriority(ENDPOINT)
                .withHeader("Authorization", matching(BEARER))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(MODELS))
                .build());
        byte[] unauthorised = OpenAiJson.error("You didn't provide an API key. You need to provide your API key"
                + " in an Authorization header using Bearer auth (i.e. Authorization: Bearer YOUR_KEY).",
                "invalid_request_error", null, null);
        for (StringValuePattern badAuthorization : List.of(absent(), notMatching(BEARER))) {
            stubMappings.addMapping(any(urlPathMatching("/v1/.*"))
                    .atPriority(FALLBACK)
                    .withHeader("Authorization", badAuthorization)
                    .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                            .withBody(unauthorised))
                    .build());
        }
    }
}
