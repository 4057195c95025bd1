package io.recallbricks.chaos.embeddings;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.DelayDistribution;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * The WireMock extension behind {@code POST /v1/embeddings}: decides the request's fault from the current
 * {@link FaultPlan}, and otherwise computes the vectors. It only describes the response; WireMock applies the
 * delays and the connection faults, so hangs hold no thread (asynchronous responses).
 */
final class EmbeddingsTransformer implements ResponseDefinitionTransformerV2 {

    static final String NAME = "openai-embeddings";

    private final HashingEmbedder embedder = new HashingEmbedder();
    private final ObjectMapper json = new ObjectMapper();
    private final FaultControls faults;
    private final DelayDistribution latency;
    private final int hangMillis;

    EmbeddingsTransformer(FaultControls faults, DelayDistribution latency, int hangMillis) {
        this.faults = faults;
        this.latency = latency;
        this.hangMillis = hangMillis;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean applyGlobally() {
        return false; // only the embeddings stub names this transformer
    }

    @Override
    public ResponseDefinition transform(ServeEvent serveEvent) {
        FaultPlan plan = faults.plan();
        return switch (faults.nextOutcome(plan)) {
            // Held for the hang timeout, then cut like a proxy would cut a stuck request: never a fake answer.
            case HANG -> ResponseDefinitionBuilder.responseDefinition().withFixedDelay(hangMillis)
                    .withFault(Fault.CONNECTION_RESET_BY_PEER).build();
            case RESET -> ResponseDefinitionBuilder.responseDefinition().withFault(Fault.CONNECTION_RESET_BY_PEER)
                    .build();
            case RATE_LIMITED -> answer(plan, 429, OpenAiJson.error(
                    "Rate limit reached for requests. Please try again in " + plan.retryAfterSeconds() + "s.",
                    "requests", null, "rate_limit_exceeded"))
                    .withHeader("Retry-After", Integer.toString(plan.retryAfterSeconds()))
                    .withHeader("x-ratelimit-remaining-requests", "0")
                    .build();
            case ERROR -> answer(plan, faults.chooseErrorStatus(plan), OpenAiJson.error(
                    "The server had an error while processing your request. Sorry about that!",
                    "server_error", null, null))
                    .build();
            case ANSWER -> embeddings(plan, serveEvent.getRequest().getBody()).build();
        };
    }

    private ResponseDefinitionBuilder embeddings(FaultPlan plan, byte[] body) {
        EmbeddingsRequest request;
        try {
            request = EmbeddingsRequest.parse(body, json);
        } catch (EmbeddingsRequest.InvalidRequestException e) {
            faults.counting().rejected();
            return answer(plan, 400, OpenAiJson.error(e.getMessage(), "invalid_request_error", e.param(), null));
        }
        List<float[]> vectors = new ArrayList<>(request.inputs().size());
        for (String input : request.inputs()) {
            vectors.add(embedder.embed(input, request.dimensions()));
        }
        faults.counting().served();
        return answer(plan, 200, OpenAiJson.embeddings(request.model(), vectors, request.base64(),
                OpenAiJson.estimateTokens(request.inputs())));
    }

    /** A JSON answer, delayed by the modelled latency plus the "slow" fault's fixed delay. */
    private ResponseDefinitionBuilder answer(FaultPlan plan, int status, byte[] body) {
        ResponseDefinitionBuilder response = ResponseDefinitionBuilder.responseDefinition()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body);
        if (plan.addedDelayMs() > 0) {
            response.withFixedDelay(plan.addedDelayMs());
        }
        if (latency != null) {
            response.withRandomDelay(latency);
        }
        return response;
    }
}
