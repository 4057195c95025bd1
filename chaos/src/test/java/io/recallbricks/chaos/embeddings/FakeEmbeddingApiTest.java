package io.recallbricks.chaos.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The fake over real HTTP, as the service's client will see it. */
@Timeout(60)
class FakeEmbeddingApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static FakeEmbeddingApi fake;

    @BeforeAll
    static void start() {
        fake = FakeEmbeddingApi.start(FakeEmbeddingConfig.defaults());
    }

    @AfterAll
    static void stop() {
        fake.close();
    }

    @BeforeEach
    void healthy() {
        fake.faults().healthy();
        fake.faults().resetCounters();
    }

    @Nested
    class OpenAiContract {

        @Test
        void embedsOneTextInOpenAisShape() throws Exception {
            HttpResponse<String> response = embed("{\"model\":\"text-embedding-3-small\",\"input\":\"hello world\"}");
            assertEquals(200, response.statusCode());
            assertEquals("application/json", response.headers().firstValue("Content-Type").orElseThrow());
            JsonNode body = JSON.readTree(response.body());
            assertEquals("list", body.get("object").asText());
            assertEquals("text-embedding-3-small", body.get("model").asText());
            JsonNode item = body.get("data").get(0);
            assertEquals("embedding", item.get("object").asText());
            assertEquals(0, item.get("index").asInt());
            assertEquals(1536, item.get("embedding").size());
            assertTrue(body.get("usage").get("prompt_tokens").asInt() > 0);
            assertEquals(body.get("usage").get("prompt_tokens"), body.get("usage").get("total_tokens"));
        }

        @Test
        void embedsAnArrayInOrderWithTheRequestedDimensions() throws Exception {
            JsonNode body = JSON.readTree(embed(
                    "{\"model\":\"m\",\"input\":[\"first text\",\"second text\",\"first text\"],\"dimensions\":64}")
                    .body());
            JsonNode data = body.get("data");
            assertEquals(3, data.size());
            for (int i = 0; i < 3; i++) {
                assertEquals(i, data.get(i).get("index").asInt());
                assertEquals(64, data.get(i).get("embedding").size());
            }
            assertEquals(data.get(0).get("embedding"), data.get(2).get("embedding"), "same text, same vector");
            assertTrue(!data.get(0).get("embedding").equals(data.get(1).get("embedding")));
        }

        @Test
        void vectorsAreThoseOfTheHashingEmbedder() throws Exception {
            JsonNode vector = JSON.readTree(embed("{\"model\":\"m\",\"input\":\"circuit breaker\",\"dimensions\":32}")
                    .body()).get("data").get(0).get("embedding");
            float[] expected = new HashingEmbedder().embed("circuit breaker", 32);
            for (int i = 0; i < expected.length; i++) {
                assertEquals(expected[i], (float) vector.get(i).asDouble(), 1e-6);
            }
        }

        @Test
        void theLargeModelDefaultsTo3072Dimensions() throws Exception {
            JsonNode body = JSON.readTree(embed("{\"model\":\"text-embedding-3-large\",\"input\":\"x\"}").body());
            assertEquals(3072, body.get("data").get(0).get("embedding").size());
        }

        @Test
        void base64EncodingIsLittleEndianFloat32() throws Exception {
            JsonNode body = JSON.readTree(embed(
                    "{\"model\":\"m\",\"input\":\"abc\",\"dimensions\":16,\"encoding_format\":\"base64\"}").body());
            byte[] bytes = Base64.getDecoder().decode(body.get("data").get(0).get("embedding").asText());
            assertEquals(16 * 4, bytes.length);
            ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            float[] expected = new HashingEmbedder().embed("abc", 16);
            for (float v : expected) {
                assertEquals(v, buffer.getFloat());
            }
        }

        @Test
        void listsModels() throws Exception {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(fake.openAiBaseUrl() + "/models"))
                    .header("Authorization", "Bearer test-key").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            assertEquals("text-embedding-3-small", JSON.readTree(response.body()).get("data").get(0).get("id").asText());
        }

        @Test
        void withoutABearerTokenAnswers401InOpenAisErrorShape() throws Exception {
            for (HttpRequest.Builder request : List.of(
                    HttpRequest.newBuilder(URI.create(fake.openAiBaseUrl() + "/embeddings")),
                    HttpRequest.newBuilder(URI.create(fake.openAiBaseUrl() + "/embeddings"))
                            .header("Authorization", "Bearer "),
                    HttpRequest.newBuilder(URI.create(fake.openAiBaseUrl() + "/models"))
                            .header("Authorization", "Basic abc"))) {
                HttpResponse<String> response = HTTP.send(
                        request.POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\",\"input\":\"x\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(401, response.statusCode());
                assertEquals("invalid_request_error",
                        JSON.readTree(response.body()).get("error").get("type").asText());
            }
            assertEquals(0, fake.faults().counters().received(), "refused before the embeddings handler");
        }

        @Test
        void badInputAnswers400WithTheOffendingParameter() throws Exception {
            assertBadRequest("not json", null);
            assertBadRequest("[1,2]", null);
            assertBadRequest("{\"input\":\"x\"}", "model");
            assertBadRequest("{\"model\":\"m\"}", "input");
            assertBadRequest("{\"model\":\"m\",\"input\":\"\"}", "input");
            assertBadRequest("{\"model\":\"m\",\"input\":[]}", "input");
            assertBadRequest("{\"model\":\"m\",\"input\":[[1,2,3]]}", "input");
            assertBadRequest("{\"model\":\"m\",\"input\":\"x\",\"dimensions\":0}", "dimensions");
            assertBadRequest("{\"model\":\"m\",\"input\":\"x\",\"dimensions\":1537}", "dimensions");
            assertBadRequest("{\"model\":\"m\",\"input\":\"x\",\"dimensions\":\"64\"}", "dimensions");
            assertBadRequest("{\"model\":\"m\",\"input\":\"x\",\"encoding_format\":\"hex\"}", "encoding_format");
            assertEquals(11, fake.faults().counters().rejected());
        }

        @Test
        void wireMocksOwnResetKeepsTheEndpoints() throws Exception {
            HttpResponse<String> reset = HTTP.send(HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/__admin/reset"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, reset.statusCode());
            assertEquals(200, embed("{\"model\":\"m\",\"input\":\"still here\"}").statusCode());
        }

        private void assertBadRequest(String body, String param) throws Exception {
            HttpResponse<String> response = embed(body);
            assertEquals(400, response.statusCode(), body);
            JsonNode error = JSON.readTree(response.body()).get("error");
            assertEquals("invalid_request_error", error.get("type").asText());
            assertTrue(error.get("message").asText().length() > 10);
            assertEquals(param == null ? null : param, error.get("param").isNull() ? null : error.get("param").asText(),
                    body);
        }
    }

    @Nested
    class FaultsFromJava {

        @Test
        void errorsAnswerTheChosenStatusesInOpenAisShape() throws Exception {
            fake.faults().errors(1.0, List.of(502, 503));
            for (int i = 0; i < 10; i++) {
                HttpResponse<String> response = embed(simpleBody());
                assertTrue(List.of(502, 503).contains(response.statusCode()), "status " + response.statusCode());
                assertEquals("server_error", JSON.readTree(response.body()).get("error").get("type").asText());
            }
            assertEquals(10, fake.faults().counters().errors());
            assertEquals(10, fake.faults().counters().faulted());
        }

        @Test
        void anErrorRateFaultsAboutThatShare() throws Exception {
            fake.faults().errors(0.5, List.of(500));
            int errors = 0;
            for (int i = 0; i < 200; i++) {
                errors += embed(simpleBody()).statusCode() == 500 ? 1 : 0;
            }
            // Binomial(200, 0.5): outside [50, 150] has a probability below 1e-12.
            assertTrue(errors > 50 && errors < 150, "errors: " + errors);
            assertEquals(200 - errors, fake.faults().counters().served());
        }

        @Test
        void rateLimitAnswers429WithRetryAfter() throws Exception {
            fake.faults().rateLimit(1.0, 7);
            HttpResponse<String> response = embed(simpleBody());
            assertEquals(429, response.statusCode());
            assertEquals("7", response.headers().firstValue("Retry-After").orElseThrow());
            assertEquals("rate_limit_exceeded", JSON.readTree(response.body()).get("error").get("code").asText());
            assertEquals(1, fake.faults().counters().rateLimited());
        }

        @Test
        void hangGivesNoAnswerUntilTheClientTimesOut() {
            fake.faults().hang(1.0);
            HttpRequest request = embedRequest(simpleBody()).timeout(Duration.ofMillis(1500)).build();
            assertThrows(HttpTimeoutException.class, () -> HTTP.send(request, HttpResponse.BodyHandlers.ofString()));
            assertEquals(1, fake.faults().counters().hung());
        }

        @Test
        void connectionResetFailsTheRequestWithoutAnAnswer() {
            fake.faults().connectionReset(1.0);
            IOException e = assertThrows(IOException.class, () -> embed(simpleBody()));
            assertInstanceOf(IOException.class, e);
            assertEquals(1, fake.faults().counters().reset());
        }

        @Test
        void slowAddsAtLeastTheDelay() throws Exception {
            fake.faults().slow(400);
            long started = System.nanoTime();
            assertEquals(200, embed(simpleBody()).statusCode());
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 400);
        }

        @Test
        void healthyRemovesEveryFault() throws Exception {
            fake.faults().errors(0.5, List.of(500));
            fake.faults().rateLimit(0.5, 1);
            fake.faults().slow(50);
            fake.faults().healthy();
            assertTrue(fake.faults().plan().isHealthy());
            for (int i = 0; i < 20; i++) {
                assertEquals(200, embed(simpleBody()).statusCode());
            }
        }
    }

    @Nested
    class AdminHttpApi {

        @Test
        void switchesFaultsAndReportsState() throws Exception {
            JsonNode state = admin("POST", "/faults/errors", "{\"rate\":1.0,\"statuses\":[503]}", 200);
            assertEquals(1.0, state.get("faults").get("errors").get("rate").asDouble());
            assertEquals(503, embed(simpleBody()).statusCode());

            admin("POST", "/faults/rate-limit", "{\"rate\":0,\"retryAfterSeconds\":2}", 200);
            admin("POST", "/faults/errors", "{\"rate\":0}", 200);
            admin("POST", "/faults/rate-limit", "{\"retryAfterSeconds\":2}", 200);
            HttpResponse<String> limited = embed(simpleBody());
            assertEquals(429, limited.statusCode());
            assertEquals("2", limited.headers().firstValue("Retry-After").orElseThrow());

            admin("DELETE", "/faults", null, 200);
            assertEquals(200, embed(simpleBody()).statusCode());

            JsonNode counters = admin("GET", "/faults", null, 200).get("counters");
            assertEquals(3, counters.get("received").asInt());
            assertEquals(1, counters.get("served").asInt());
            assertEquals(2, counters.get("faulted").asInt());
            assertEquals(0, admin("DELETE", "/faults/counters", null, 200).get("counters").get("received").asInt());
        }

        @Test
        void hangResetAndSlowAreSwitchableOverHttp() throws Exception {
            assertEquals(1.0, admin("POST", "/faults/hang", null, 200).get("faults").get("hang").get("rate").asDouble());
            admin("POST", "/faults/hang", "{\"rate\":0}", 200);
            assertEquals(0.25, admin("POST", "/faults/connection-reset", "{\"rate\":0.25}", 200)
                    .get("faults").get("connectionReset").get("rate").asDouble());
            assertEquals(300, admin("POST", "/faults/slow", "{\"delayMs\":300}", 200)
                    .get("faults").get("slow").get("delayMs").asInt());
            assertTrue(!admin("GET", "/faults", null, 200).get("faults").get("healthy").asBoolean());
            assertTrue(admin("DELETE", "/faults", null, 200).get("faults").get("healthy").asBoolean());
        }

        @Test
        void badAdminInputAnswers400WithAMessage() throws Exception {
            assertTrue(admin("POST", "/faults/errors", "{\"rate\":2}", 400).get("error").asText().contains("rate"));
            assertTrue(admin("POST", "/faults/errors", "{\"statuses\":[404]}", 400).get("error").asText()
                    .contains("5xx"));
            assertTrue(admin("POST", "/faults/slow", "{}", 400).get("error").asText().contains("delayMs"));
            assertTrue(admin("POST", "/faults/hang", "not json", 400).get("error").asText().contains("JSON"));
            admin("POST", "/faults/errors", "{\"rate\":0.7}", 200);
            assertTrue(admin("POST", "/faults/hang", "{\"rate\":0.7}", 400).get("error").asText()
                    .contains("more than 1"));
            assertEquals(0.0, fake.faults().plan().hangRate(), "a refused change changes nothing");
        }

        private JsonNode admin(String method, String path, String body, int expectedStatus) throws Exception {
            HttpRequest request = HttpRequest.newBuilder(URI.create(fake.baseUrl() + "/__admin" + path))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(body))
                    .build();
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            assertEquals(expectedStatus, response.statusCode(), method + " " + path + ": " + response.body());
            return JSON.readTree(response.body());
        }
    }

    @Test
    void configuredLatencyDelaysAnswers() throws Exception {
        try (FakeEmbeddingApi slow = FakeEmbeddingApi.start(FakeEmbeddingConfig.defaults().withLatency(300, 300))) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(slow.openAiBaseUrl() + "/embeddings"))
                    .header("Authorization", "Bearer k")
                    .POST(HttpRequest.BodyPublishers.ofString(simpleBody())).build();
            long started = System.nanoTime();
            assertEquals(200, HTTP.send(request, HttpResponse.BodyHandlers.ofString()).statusCode());
            assertTrue(Duration.ofNanos(System.nanoTime() - started).toMillis() >= 300);
        }
    }

    @Test
    void aTakenPortIsAClearError() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> FakeEmbeddingApi.start(FakeEmbeddingConfig.defaults().withPort(fake.port())).close());
        assertTrue(e.getMessage().startsWith("cannot start the fake embedding API on 127.0.0.1:" + fake.port()),
                e.getMessage());
    }

    @Test
    void latencyIsLogNormalWithTheGivenMedianAndP99() {
        double sigma = LatencyModel.sigmaFor(80, 400);
        assertEquals(400, 80 * Math.exp(2.3263478740408408 * sigma), 1e-9);
        assertEquals(null, LatencyModel.from(0, 0));
    }

    private static String simpleBody() {
        return "{\"model\":\"text-embedding-3-small\",\"input\":\"a memory about deployments\",\"dimensions\":8}";
    }

    private static HttpRequest.Builder embedRequest(String body) {
        return HttpRequest.newBuilder(URI.create(fake.openAiBaseUrl() + "/embeddings"))
                .header("Authorization", "Bearer test-key")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpResponse<String> embed(String body) throws IOException, InterruptedException {
        return HTTP.send(embedRequest(body).build(), HttpResponse.BodyHandlers.ofString());
    }
}
