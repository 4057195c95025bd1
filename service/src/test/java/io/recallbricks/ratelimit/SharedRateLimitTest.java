package io.recallbricks.ratelimit;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.recallbricks.testing.Api;
import io.recallbricks.testing.Api.Response;
import io.recallbricks.testing.RedisServer;
import io.recallbricks.testing.TestService;
import io.recallbricks.testing.Waits;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Two service instances on one database and one real Redis: a tenant's quota is one quota whichever instance
 * answers; when Redis goes away both keep serving on local buckets and say so; when it is back they share again.
 * Skipped when redis-server is not installed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SharedRateLimitTest {

    private static final int USER_LIMIT = 6;

    RedisServer redis;
    EmbeddedServer first;
    EmbeddedServer second;
    Api apiFirst;
    Api apiSecond;

    @BeforeAll
    void startTwoInstances() throws Exception {
        redis = RedisServer.startOrSkip();
        Map<String, Object> properties = new HashMap<>(TestService.properties(Map.of(
                "REDIS_URL", redis.url(),
                "USER_RATE_LIMIT", Integer.toString(USER_LIMIT),
                "RATE_LIMIT_WINDOW_MS", "3600000")));
        first = ApplicationContext.run(EmbeddedServer.class, properties);
        second = ApplicationContext.run(EmbeddedServer.class, properties);
        apiFirst = new Api(first.getApplicationContext().createBean(HttpClient.class, first.getURL()));
        apiSecond = new Api(second.getApplicationContext().createBean(HttpClient.class, second.getURL()));
    }

    @AfterAll
    void stopAll() throws Exception {
        for (EmbeddedServer server : new EmbeddedServer[]{first, second}) {
            if (server != null) {
                server.getApplicationContext().close();
            }
        }
        if (redis != null) {
            redis.close();
        }
    }

    private static Response list(Api api, Api.Tenant tenant) {
        return api.send(HttpRequest.GET("/api/v1/memories"), tenant.apiKey());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> rateLimitHealth(Api api) {
        return (Map<String, Object>) api.send(HttpRequest.GET("/health")).body().get("rate_limit");
    }

    @Test
    void oneTenantHasOneQuotaAcrossInstancesAndLocalLimitsWhenRedisFails() throws Exception {
        Api.Tenant tenant = apiFirst.newTenant("shared");
        for (int i = 0; i < USER_LIMIT; i++) {
            Api api = i % 2 == 0 ? apiFirst : apiSecond;
            Response allowed = list(api, tenant);
            assertEquals(200, allowed.status(), "request " + (i + 1));
            assertEquals(Integer.toString(USER_LIMIT - 1 - i), allowed.raw().getHeaders().get("X-RateLimit-Remaining"),
                    "both instances spend from one bucket");
        }
        assertEquals(429, list(apiFirst, tenant).status());
        assertEquals(429, list(apiSecond, tenant).status(), "the other instance knows the quota is spent");
        assertEquals("redis", rateLimitHealth(apiSecond).get("backend"));
        assertEquals(1.0, apiSecond.metrics().valueOrZero("rate_limit_redis_connected", Map.of()));

        redis.stop();
        Api.Tenant fresh = apiFirst.newTenant("during-outage");
        Response duringOutage = list(apiSecond, fresh);

        assertEquals(200, duringOutage.status(), "Redis down does not take the API down");
        assertEquals(Integer.toString(USER_LIMIT), duringOutage.raw().getHeaders().get("X-RateLimit-Limit"),
                "limits still apply, on local buckets");
        assertEquals("local", rateLimitHealth(apiSecond).get("backend"));
        assertEquals("unavailable", rateLimitHealth(apiSecond).get("redis"));
        assertEquals(0.0, apiSecond.metrics().valueOrZero("rate_limit_redis_connected", Map.of()));

        redis.start();
        Waits.until("the instance to share its buckets through Redis again", Duration.ofSeconds(30), () -> {
            list(apiSecond, fresh);
            return "redis".equals(rateLimitHealth(apiSecond).get("backend"));
        });
    }
}
