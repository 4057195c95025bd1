package io.recallbricks.observability;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.recallbricks.testing.TestService;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the edge of the service does with raw HTTP (the JDK client, which neither adds nor undoes anything):
 * /metrics restricted to allowed networks or a token, compression with the guide's opt-out header, CORS, and the
 * request body limit.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EdgeBehaviourTest implements TestPropertyProvider {

    private static final String METRICS_TOKEN = "scrape-token-4e9b1d7a3f60c2";

    @Inject
    EmbeddedServer server;

    private final HttpClient http = HttpClient.newHttpClient();

    @Override
    public Map<String, String> getProperties() {
        return TestService.properties(Map.of(
                "METRICS_ALLOWED_NETWORKS", "10.0.0.0/8", // loopback is not in it
                "METRICS_TOKEN", METRICS_TOKEN,
                "CORS_ORIGIN", "https://app.example.com",
                "MAX_REQUEST_SIZE_BYTES", "2048"));
    }

    private HttpResponse<byte[]> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    private HttpRequest.Builder to(String path) {
        return HttpRequest.newBuilder(URI.create(server.getURL() + path));
    }

    @Test
    void metricsAreRefusedOutsideTheAllowedNetworksUnlessTheTokenIsPresented() throws Exception {
        HttpResponse<byte[]> anonymous = send(to("/metrics"));
        HttpResponse<byte[]> wrongToken = send(to("/metrics").header("Authorization", "Bearer nope-nope-nope-nope"));
        HttpResponse<byte[]> withToken = send(to("/metrics").header("Authorization", "Bearer " + METRICS_TOKEN));

        assertEquals(403, anonymous.statusCode());
        assertTrue(new String(anonymous.body()).contains("\"FORBIDDEN\""));
        assertEquals(403, wrongToken.statusCode());
        assertEquals(200, withToken.statusCode());
        assertTrue(new String(withToken.body()).contains("http_requests_total"));
    }

    @Test
    void largeResponsesAreCompressedUnlessTheClientOptsOut() throws Exception {
        HttpRequest.Builder scrape = to("/metrics").header("Authorization", "Bearer " + METRICS_TOKEN)
                .header("Accept-Encoding", "gzip");

        HttpResponse<byte[]> compressed = send(scrape);
        HttpResponse<byte[]> optedOut = send(to("/metrics").header("Authorization", "Bearer " + METRICS_TOKEN)
                .header("Accept-Encoding", "gzip").header("x-no-compression", "1"));
        HttpResponse<byte[]> small = send(to("/health/live").header("Accept-Encoding", "gzip"));

        assertEquals("gzip", compressed.headers().firstValue("Content-Encoding").orElse(""));
        assertEquals((byte) 0x1f, compressed.body()[0], "a gzip stream");
        assertFalse("gzip".equals(optedOut.headers().firstValue("Content-Encoding").orElse("")));
        assertTrue(new String(optedOut.body()).contains("http_requests_total"));
        assertFalse(small.headers().firstValue("Content-Encoding").orElse("").equals("gzip"),
                "bodies under the threshold are sent as they are");
    }

    @Test
    void browsersFromTheConfiguredOriginMayCallTheApi() throws Exception {
        HttpResponse<byte[]> preflight = send(to("/api/v1/memories")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .header("Origin", "https://app.example.com")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "x-api-key,content-type"));
        HttpResponse<byte[]> otherOrigin = send(to("/health").header("Origin", "https://evil.example.org"));

        assertEquals(200, preflight.statusCode());
        assertEquals("https://app.example.com", preflight.headers().firstValue("Access-Control-Allow-Origin").orElse(""));
        assertTrue(otherOrigin.headers().firstValue("Access-Control-Allow-Origin").isEmpty());
    }

    @Test
    void oversizedBodiesAreRefusedWithTheErrorBody() throws Exception {
        HttpResponse<byte[]> tenant = send(to("/api/v1/admin/users").header("Content-Type", "application/json")
                .header("X-API-Key", TestService.ADMIN_KEY)
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\": \"edge\"}")));
        String apiKey = new String(tenant.body()).replaceAll(".*\"api_key\"\\s*:\\s*\"([^\"]+)\".*", "$1");
        String body = "{\"text\": \"" + "x".repeat(4096) + "\"}";
        HttpResponse<byte[]> response = send(to("/api/v1/memories")
                .header("Content-Type", "application/json")
                .header("X-API-Key", apiKey)
                .POST(HttpRequest.BodyPublishers.ofString(body)));

        assertEquals(413, response.statusCode());
        assertTrue(new String(response.body()).contains("PAYLOAD_TOO_LARGE"));
    }
}
