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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The per-user and expensive tiers on one instance, their headers, their 429 and the standing route. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitTest implements TestPropertyProvider {

    private static final int USER_LIMIT = 5;
    private static final int EXPENSIVE_LIMIT = 2;

    @Inject
    @Client("/")
    HttpClient http;

    Api api;

    @Override
    public Map<String, String> getProperties() {
        // A window of an hour: no token comes back while a test runs, so the counts below are exact.
        return TestService.properties(Map.of(
                "USER_RATE_LIMIT", Integer.toString(USER_LIMIT),
                "EXPENSIVE_RATE_LIMIT", Integer.toString(EXPENSIVE_LIMIT),
                "GLOBAL_RATE_LIMIT", "100000",
                "RATE_LIMIT_WINDOW_MS", "3600000"));
    }

    @BeforeAll
    void client() {
        api = new Api(http);
    }

    private Response list(Api.Tenant tenant) {
        return api.send(HttpRequest.GET("/api/v1/memories"), tenant.apiKey());
    }

    private static long header(Response response, String name) {
        String value = response.raw().getHeaders().get(name);
        assertNotNull(value, name + " is on every response");
        return Long.parseLong(value);
    }

    @Test
    void everyResponseCarriesTheStandingOfTheLimitThatBinds() {
        Api.Tenant tenant = api.newTenant("headers");

        Response first = list(tenant);
        Response second = list(tenant);

        assertEquals(200, first.status());
        assertEquals(USER_LIMIT, header(first, "X-RateLimit-Limit"));
        assertEquals(USER_LIMIT - 1, header(first, "X-RateLimit-Remaining"));
        assertEquals(USER_LIMIT - 2, header(second, "X-RateLimit-Remaining"));
        long reset = header(second, "X-RateLimit-Reset");
        assertTrue(reset > 0 && reset <= 3600, "Reset is seconds until the quota is whole again: " + reset);
        Response notFound = api.send(HttpRequest.GET("/api/v1/memories/00000000-0000-0000-0000-000000000000"), tenant.apiKey());
        assertEquals(404, notFound.status());
        assertEquals(USER_LIMIT - 3, header(notFound, "X-RateLimit-Remaining"), "errors carry the headers too");
    }

    @Test
    void theUserTierRefusesBeyondItsLimitWithRetryAfterAndTheErrorBody() {
        Api.Tenant tenant = api.newTenant("user-tier");
        Api.Tenant neighbour = api.newTenant("user-tier-neighbour");
        double before = api.metrics().valueOrZero("rate_limit_rejections_total", Map.of("tier", "user"));

        for (int i = 0; i < USER_LIMIT; i++) {
            assertEquals(200, list(tenant).status(), "request " + (i + 1) + " is within the burst");
        }
        Response refused = list(tenant);

        assertEquals(429, refused.status());
        assertEquals("RATE_LIMIT_EXCEEDED", refused.errorCode());
        assertEquals("user", ((Map<?, ?>) refused.error().get("details")).get("tier"));
        assertNotNull(refused.error().get("requestId"));
        long retryAfter = Long.parseLong(refused.raw().getHeaders().get("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 3600 / USER_LIMIT + 1,
                "one token comes back every window/limit seconds: " + retryAfter);
        assertEquals(0, header(refused, "X-RateLimit-Remaining"));
        assertEquals(retryAfter, header(refused, "X-RateLimit-Reset"), "on a 429, Reset is the wait before a retry");
        assertEquals(200, list(neighbour).status(), "another tenant has a bucket of its own");
        assertEquals(before + 1, api.metrics().valueOrZero("rate_limit_rejections_total", Map.of("tier", "user")));
    }

    @Test
    void theExpensiveTierIsTighterThanTheUserTier() {
        Api.Tenant tenant = api.newTenant("expensive-tier");

        for (int i = 0; i < EXPENSIVE_LIMIT; i++) {
            Response allowed = api.send(HttpRequest.GET("/api/v1/learning/maintenance-suggestions"), tenant.apiKey());
            assertNotEquals(429, allowed.status());
            assertEquals(EXPENSIVE_LIMIT - 1 - i, header(allowed, "X-RateLimit-Remaining"),
                    "the expensive tier binds: it has the smaller share left");
        }
        Response refused = api.send(HttpRequest.POST("/api/v1/memories/suggest", Map.of("context", "x")), tenant.apiKey());

        assertEquals(429, refused.status());
        assertEquals("expensive", ((Map<?, ?>) refused.error().get("details")).get("tier"));
        assertEquals(200, list(tenant).status(), "cheap routes still pass: the user tier has tokens left");
        assertTrue(api.metrics().valueOrZero("rate_limit_rejections_total", Map.of("tier", "expensive")) >= 1);
    }

    @Test
    void theStandingRouteReportsTheCallersQuota() {
        Api.Tenant tenant = api.newTenant("standing");
        list(tenant);
        list(tenant);

        Response standing = api.send(HttpRequest.GET("/api/v1/rate-limit"), tenant.apiKey());

        assertEquals(200, standing.status());
        Map<String, Object> body = standing.body();
        assertEquals(USER_LIMIT, ((Number) body.get("limit")).intValue());
        assertEquals(USER_LIMIT - 3, ((Number) body.get("remaining")).intValue(), "the standing call counts too");
        assertEquals(60.0, ((Number) body.get("percentUsed")).doubleValue());
        assertTrue(((Number) body.get("reset")).longValue() > 0);
        assertEquals(EXPENSIVE_LIMIT, ((Number) ((Map<?, ?>) ((Map<?, ?>) body.get("tiers")).get("expensive")).get("remaining")).intValue());
        assertEquals("local", body.get("backend"));
    }
}
