package io.recallbricks.compat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.recallbricks.testing.Api;
import io.recallbricks.testing.Api.Response;
import io.recallbricks.testing.TestService;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What both SDKs do on a 429, checked on the answer they get: the Python SDK sleeps
 * {@code min(int(X-RateLimit-Reset), 60)} seconds when the header is all digits (60 otherwise) and reads nothing
 * else; the TypeScript SDK backs off 1 s, 2 s, 4 s on its own and reads {@code code}. So the header must be a
 * whole number of seconds that is enough to wait, and the body must carry the code in both places.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SdkRateLimitTest implements TestPropertyProvider {

    static final int LIMIT = 3;

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return TestService.properties(Map.of("USER_RATE_LIMIT", Integer.toString(LIMIT), "RATE_LIMIT_WINDOW_MS", "60000"));
    }

    @Test
    void a429TellsThePythonSdkHowManySecondsToSleepAndBothSdksTheCode() {
        Api api = new Api(http);
        Api.Tenant tenant = api.newTenant("rate-limited");
        PythonSdk sdk = new PythonSdk(api, tenant.apiKey());
        Response last = null;
        for (int i = 0; i <= LIMIT; i++) {
            last = sdk.post("/memories/search", Map.of("query", "anything", "limit", 10));
        }

        assertEquals(429, last.status());
        String reset = last.raw().getHeaders().get("X-RateLimit-Reset");
        assertTrue(reset != null && reset.matches("\\d+"), "str.isdigit() must hold: " + reset);
        long seconds = Long.parseLong(reset);
        assertTrue(seconds >= 1 && seconds <= 60, "one token of a 3-per-minute bucket comes back within 20 s: " + seconds);
        assertTrue(last.raw().getHeaders().get("Retry-After").matches("\\d+"));
        assertEquals("0", last.raw().getHeaders().get("X-RateLimit-Remaining"));
        assertEquals("RATE_LIMIT_EXCEEDED", last.errorCode());
        assertEquals("RATE_LIMIT_EXCEEDED", last.body().get("code"));
    }

    @Test
    void successfulAnswersCarryTheSameHeaders() {
        Api api = new Api(http);
        Api.Tenant tenant = api.newTenant("headers");
        Response ok = api.send(HttpRequest.GET("/api/v1/memories"), tenant.apiKey());

        assertEquals(200, ok.status());
        assertEquals(Integer.toString(LIMIT), ok.raw().getHeaders().get("X-RateLimit-Limit"));
        assertTrue(ok.raw().getHeaders().get("X-RateLimit-Reset").matches("\\d+"));
    }
}
