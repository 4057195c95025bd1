package io.recallbricks.ratelimit;

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

/** The global tier, which applies before authentication, and the routes no tier ever limits. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GlobalRateLimitTest implements TestPropertyProvider {

    private static final int GLOBAL_LIMIT = 4;

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return TestService.properties(Map.of("GLOBAL_RATE_LIMIT", Integer.toString(GLOBAL_LIMIT),
                "RATE_LIMIT_WINDOW_MS", "3600000"));
    }

    @Test
    void allTrafficTogetherIsCappedButProbesAndMetricsNeverAre() {
        Api api = new Api(http);
        Api.Tenant tenant = api.newTenant("global"); // the operator's call spends a global token as well

        for (int i = 1; i < GLOBAL_LIMIT; i++) {
            assertEquals(200, api.send(HttpRequest.GET("/api/v1/memories"), tenant.apiKey()).status());
        }
        Response refused = api.send(HttpRequest.GET("/api/v1/memories"), "not-even-a-valid-key");

        assertEquals(429, refused.status(), "refused before authentication, so floods never reach the database");
        assertEquals("global", ((Map<?, ?>) refused.error().get("details")).get("tier"));
        assertEquals("4", refused.raw().getHeaders().get("X-RateLimit-Limit"));
        for (String probe : new String[]{"/health", "/health/ready", "/health/live", "/api/v1/health"}) {
            assertEquals(200, api.send(HttpRequest.GET(probe)).status(), probe + " is never limited");
        }
        assertEquals(200, api.text(HttpRequest.GET("/metrics")).code(), "/metrics is never limited");
        assertEquals(1.0, api.metrics().valueOrZero("rate_limit_rejections_total", Map.of("tier", "global")));
    }
}
