package io.recallbricks.web;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.recallbricks.testing.Api;
import io.recallbricks.testing.RawHttp;
import io.recallbricks.testing.TestService;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13: characters PostgreSQL cannot store (NUL, an unpaired surrogate) in any text field, and JSON values of the
 * wrong type, are a 400 VALIDATION_ERROR, not a 500 with a stack trace, and not silently coerced ({"text":42} was
 * stored as "42").
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient client;

    private Api.Tenant tenant;
    private String memoryId;

    @Override
    public Map<String, String> getProperties() {
        return TestService.properties();
    }

    @BeforeAll
    void createTenantAndMemory() {
        tenant = new Api(client).newTenant("hostile");
        HttpResponse<String> created = new RawHttp(server).send("POST", "/api/v1/memories", "{\"text\":\"a fine memory\"}",
                "X-API-Key", tenant.apiKey());
        assertEquals(201, created.statusCode(), created.body());
        memoryId = created.body().replaceAll("(?s).*\"id\"\\s*:\\s*\"([0-9a-f-]{36})\".*", "$1");
    }

    /** JSON escapes for the characters PostgreSQL cannot store. */
    static Stream<String> unstorable() {
        return Stream.of("\\u0000", "\\ud800");
    }

    static Stream<Arguments> textFields() {
        List<Arguments> cases = new ArrayList<>();
        unstorable().forEach(bad -> {
            String s = "a" + bad + "b";
            cases.add(Arguments.of("POST", "/api/v1/memories", "{\"text\":\"" + s + "\"}"));
            cases.add(Arguments.of("POST", "/api/v1/memories", "{\"text\":\"ok\",\"metadata\":{\"k\":\"" + s + "\"}}"));
            cases.add(Arguments.of("POST", "/api/v1/memories", "{\"text\":\"ok\",\"metadata\":{\"" + s + "\":1}}"));
            cases.add(Arguments.of("POST", "/api/v1/memories", "{\"text\":\"ok\",\"metadata\":{\"n\":[{\"deep\":\"" + s + "\"}]}}"));
            cases.add(Arguments.of("POST", "/api/v1/memories", "{\"text\":\"ok\",\"tags\":[\"" + s + "\"]}"));
            cases.add(Arguments.of("POST", "/api/v1/memories", "{\"text\":\"ok\",\"source\":\"" + s + "\"}"));
            cases.add(Arguments.of("POST", "/api/v1/memories", "{\"text\":\"ok\",\"project_id\":\"" + s + "\"}"));
            cases.add(Arguments.of("PUT", "/api/v1/memories/{id}", "{\"text\":\"" + s + "\"}"));
            cases.add(Arguments.of("PUT", "/api/v1/memories/{id}", "{\"metadata\":{\"k\":\"" + s + "\"}}"));
            cases.add(Arguments.of("PATCH", "/api/v1/memories/{id}", "{\"text\":\"" + s + "\"}"));
            cases.add(Arguments.of("POST", "/api/v1/memories/learn", "{\"text\":\"" + s + "\"}"));
            cases.add(Arguments.of("POST", "/api/v1/memories/learn", "{\"text\":\"ok\",\"metadata\":{\"k\":\"" + s + "\"}}"));
            cases.add(Arguments.of("POST", "/api/v1/memories/search", "{\"query\":\"" + s + "\"}"));
            cases.add(Arguments.of("POST", "/api/v1/memories/suggest", "{\"context\":\"" + s + "\"}"));
            cases.add(Arguments.of("POST", "/api/v1/memories/recall", "{\"query\":\"" + s + "\"}"));
            cases.add(Arguments.of("POST", "/api/v1/memories/search-weighted", "{\"query\":\"" + s + "\"}"));
            cases.add(Arguments.of("POST", "/api/v1/search", "{\"query\":\"" + s + "\"}"));
            cases.add(Arguments.of("POST", "/api/v1/context", "{\"query\":\"" + s + "\"}"));
            cases.add(Arguments.of("POST", "/api/v1/memories/{id}/feedback", "{\"helpful\":true,\"context\":\"" + s + "\"}"));
            cases.add(Arguments.of("POST", "/api/v1/admin/users", "{\"name\":\"" + s + "\"}"));
            cases.add(Arguments.of("POST", "/api/v1/admin/users", "{\"name\":\"n\",\"email\":\"" + s + "@x.io\"}"));
        });
        for (String query : List.of("q", "context", "tags", "source")) {
            cases.add(Arguments.of("GET", "/api/v1/memories/search?" + query + "=a%00b", null));
            cases.add(Arguments.of("GET", "/api/v1/memories?" + query + "=a%00b", null));
            cases.add(Arguments.of("GET", "/api/v1/memories/predict?" + query + "=a%00b", null));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("textFields")
    void unstorableCharactersAreAValidationError(String method, String path, String body) {
        HttpResponse<String> response = send(method, path, body);

        assertEquals(400, response.statusCode(), response.body());
        assertTrue(response.body().contains("\"VALIDATION_ERROR\""), response.body());
        assertNoLeak(response);
    }

    static Stream<Arguments> wrongTypes() {
        return Stream.of(
                Arguments.of("POST", "/api/v1/memories", "{\"text\":42}"),
                Arguments.of("POST", "/api/v1/memories", "{\"text\":true}"),
                Arguments.of("POST", "/api/v1/memories", "{\"text\":{\"a\":1}}"),
                Arguments.of("POST", "/api/v1/memories", "{\"text\":[\"a\"]}"),
                Arguments.of("POST", "/api/v1/memories", "{\"text\":\"ok\",\"tags\":[1,2]}"),
                Arguments.of("POST", "/api/v1/memories", "{\"text\":\"ok\",\"tags\":\"one\"}"),
                Arguments.of("POST", "/api/v1/memories", "{\"text\":\"ok\",\"source\":7}"),
                Arguments.of("POST", "/api/v1/memories", "{\"text\":\"ok\",\"metadata\":[1]}"),
                Arguments.of("PUT", "/api/v1/memories/{id}", "{\"text\":1.5}"),
                Arguments.of("POST", "/api/v1/memories/search", "{\"query\":42}"),
                Arguments.of("POST", "/api/v1/memories/suggest", "{\"context\":false}"),
                Arguments.of("POST", "/api/v1/admin/users", "{\"name\":42}"));
    }

    @ParameterizedTest(name = "{0} {1} {2}")
    @MethodSource("wrongTypes")
    void aValueOfTheWrongTypeIsRefusedNotCoerced(String method, String path, String body) {
        HttpResponse<String> response = send(method, path, body);

        assertEquals(400, response.statusCode(), response.body());
        assertNoLeak(response);
    }

    private HttpResponse<String> send(String method, String path, String body) {
        String key = path.startsWith("/api/v1/admin") ? TestService.ADMIN_KEY : tenant.apiKey();
        return new RawHttp(server).send(method, path.replace("{id}", memoryId), body, "X-API-Key", key);
    }

    private static void assertNoLeak(HttpResponse<String> response) {
        String body = response.body();
        assertFalse(body.contains("Exception") || body.contains("at io.") || body.contains("SQL")
                || body.contains("org.postgresql"), body);
    }
}
