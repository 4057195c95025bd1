package io.recallbricks.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.recallbricks.testing.Api;
import io.recallbricks.testing.Api.Response;
import io.recallbricks.testing.TestService;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every kind of bad input answers a 4xx with a stable code and a message, never a 500, a stack trace, SQL text or
 * an internal class name.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest implements TestPropertyProvider {

    private static final String MISSING_ID = "00000000-0000-0000-0000-0000000000aa";

    @Inject
    @Client("/")
    HttpClient http;

    Api api;
    String key;
    String memoryId;

    @Override
    public Map<String, String> getProperties() {
        return TestService.properties(Map.of("MAX_MEMORY_TEXT_LENGTH", "2000", "MAX_REQUEST_SIZE_BYTES", "65536"));
    }

    @BeforeAll
    void setUp() {
        api = new Api(http);
        key = api.newTenant("bad-input").apiKey();
        memoryId = (String) api.send(HttpRequest.POST("/api/v1/memories", Map.of("text", "valid")), key).body().get("id");
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("malformed JSON", json(HttpRequest.POST("/api/v1/memories", "{\"text\": \"unterminated")), 400, "MALFORMED_JSON"),
                Arguments.of("JSON that is not an object", json(HttpRequest.POST("/api/v1/memories", "[1, 2]")), 400, "VALIDATION_ERROR"),
                Arguments.of("text of the wrong type", json(HttpRequest.POST("/api/v1/memories", "{\"text\": {\"a\": 1}}")), 400, "VALIDATION_ERROR"),
                Arguments.of("tags of the wrong type", json(HttpRequest.POST("/api/v1/memories", "{\"text\": \"t\", \"tags\": \"a,b\"}")), 400, "VALIDATION_ERROR"),
                Arguments.of("missing text", HttpRequest.POST("/api/v1/memories", Map.of("source", "api")), 400, "VALIDATION_ERROR"),
                Arguments.of("empty text", HttpRequest.POST("/api/v1/memories", Map.of("text", "   ")), 400, "VALIDATION_ERROR"),
                Arguments.of("text over the limit", HttpRequest.POST("/api/v1/memories", Map.of("text", "x".repeat(2001))), 400, "VALIDATION_ERROR"),
                Arguments.of("too many tags", HttpRequest.POST("/api/v1/memories", Map.of("text", "t",
                        "tags", IntStream.range(0, 51).mapToObj(i -> "tag" + i).toList())), 400, "VALIDATION_ERROR"),
                Arguments.of("an empty tag", HttpRequest.POST("/api/v1/memories", Map.of("text", "t", "tags", List.of(""))), 400, "VALIDATION_ERROR"),
                Arguments.of("an unknown field", HttpRequest.POST("/api/v1/memories", Map.of("text", "t", "txet", "typo")), 400, "UNKNOWN_FIELD"),
                Arguments.of("an unknown field on update", HttpRequest.PUT("/api/v1/memories/" + MISSING_ID, Map.of("tgas", List.of("a"))), 400, "UNKNOWN_FIELD"),
                Arguments.of("an empty update", HttpRequest.PUT("/api/v1/memories/" + MISSING_ID, Map.of()), 400, "VALIDATION_ERROR"),
                Arguments.of("no body at all", HttpRequest.POST("/api/v1/memories", "").contentType(MediaType.APPLICATION_JSON_TYPE), 400, null),
                Arguments.of("a body that is not JSON", HttpRequest.POST("/api/v1/memories", "text=hello").contentType(MediaType.TEXT_PLAIN_TYPE), 415, "UNSUPPORTED_MEDIA_TYPE"),
                Arguments.of("an oversized body", HttpRequest.POST("/api/v1/memories", Map.of("text", "y".repeat(70_000))), 413, "PAYLOAD_TOO_LARGE"),
                Arguments.of("a non-UUID id", HttpRequest.GET("/api/v1/memories/not-a-uuid"), 400, "INVALID_PARAMETER"),
                Arguments.of("a non-UUID id on delete", HttpRequest.DELETE("/api/v1/memories/1234"), 400, "INVALID_PARAMETER"),
                Arguments.of("a negative limit", HttpRequest.GET("/api/v1/memories?limit=-1"), 400, "VALIDATION_ERROR"),
                Arguments.of("a huge limit", HttpRequest.GET("/api/v1/memories?limit=100000000"), 400, "VALIDATION_ERROR"),
                Arguments.of("a non-numeric limit", HttpRequest.GET("/api/v1/memories?limit=ten"), 400, "INVALID_PARAMETER"),
                Arguments.of("a negative offset", HttpRequest.GET("/api/v1/memories?offset=-5"), 400, "VALIDATION_ERROR"),
                Arguments.of("a route that does not exist", HttpRequest.GET("/api/v1/nothing-here"), 404, "ROUTE_NOT_FOUND"),
                Arguments.of("a method the route does not have", HttpRequest.PATCH("/api/v1/memories", Map.of()), 405, "METHOD_NOT_ALLOWED"));
    }

    private static MutableHttpRequest<?> json(MutableHttpRequest<?> request) {
        return request.contentType(MediaType.APPLICATION_JSON_TYPE);
    }

    @ParameterizedTest(name = "{0} -> {2} {3}")
    @MethodSource("badRequests")
    void answersAClearClientError(String description, MutableHttpRequest<?> request, int status, String code) {
        Response response = api.send(request, key);

        assertEquals(status, response.status(), description + ": " + response.body());
        assertNotNull(response.error(), "the one error body");
        if (code != null) {
            assertEquals(code, response.errorCode());
        }
        String message = (String) response.error().get("message");
        assertFalse(message == null || message.isBlank(), "a message a person can act on");
        assertNotNull(response.error().get("requestId"));
        assertLeaksNothing(response);
    }

    @ParameterizedTest
    @MethodSource("validTextsOfEveryShape")
    void theLimitsLetValidInputThrough(Map<String, Object> body) {
        Response response = api.send(HttpRequest.POST("/api/v1/memories", body), key);

        assertEquals(201, response.status(), response.body().toString());
    }

    static Stream<Map<String, Object>> validTextsOfEveryShape() {
        return Stream.of(
                Map.of("text", "x".repeat(2000)),
                Map.of("text", "fifty tags", "tags", IntStream.range(0, 50).mapToObj(i -> "t" + i).toList()),
                Map.of("text", "unicode: 記憶 🧠 — ok", "metadata", Map.of("nested", Map.of("list", List.of(1, 2, 3)))),
                Map.of("text", "null metadata values", "metadata", Collections.singletonMap("k", null)));
    }

    private static void assertLeaksNothing(Response response) {
        String text = response.body().toString();
        for (String leak : List.of("Exception", "io.micronaut", "io.recallbricks", "java.", "SELECT", "INSERT", "org.postgresql",
                "\tat ", "Serde")) {
            assertFalse(text.contains(leak), "response leaks '" + leak + "': " + text);
        }
        assertTrue(text.length() < 2000);
    }
}
