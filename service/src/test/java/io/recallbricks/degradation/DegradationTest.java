package io.recallbricks.degradation;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.recallbricks.testing.Api;
import io.recallbricks.testing.FaultProxy;
import io.recallbricks.testing.TestDatabase;
import io.recallbricks.testing.TestService;
import io.recallbricks.testing.Waits;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The level follows requests really in flight: a slow database (a delaying proxy) keeps requests open, the level
 * climbs to high then critical and switches features off, and comes back to normal when the load is gone.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DegradationTest implements TestPropertyProvider {

    private static final int CAPACITY = 5; // 4 in flight = 0.8 (high), 5 = 1.0 (critical)

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DegradationPolicy policy;

    FaultProxy proxy;
    Api api;
    Api.Tenant tenant;

    @Override
    public Map<String, String> getProperties() {
        TestDatabase.Database database = TestDatabase.fresh();
        proxy = FaultProxy.to(database);
        Map<String, String> properties = new HashMap<>(TestService.properties(database.via(proxy.port()), Map.of(
                "DEGRADATION_CAPACITY", Integer.toString(CAPACITY),
                "DEGRADATION_RECOVERY_SECONDS", "1",
                "DB_SLOW_CALL_MS", "60000",
                "DATABASE_POOL_SIZE", "10",
                "RATE_LIMIT_ENABLED", "false")));
        properties.put("micronaut.http.client.read-timeout", "30s");
        return properties;
    }

    @BeforeAll
    void createTenant() {
        api = new Api(http);
        tenant = api.newTenant("degradation");
    }

    @AfterAll
    void closeProxy() throws IOException {
        proxy.close();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> degradation() {
        return (Map<String, Object>) api.send(HttpRequest.GET("/health")).body().get("degradation");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Boolean> features() {
        return (Map<String, Boolean>) degradation().get("features");
    }

    /** Holds {@code count} slow requests in flight, checks what the service says meanwhile, then lets them finish. */
    private void withRequestsInFlight(int count, Runnable whileInFlight) throws InterruptedException {
        proxy.delay(1500);
        ExecutorService clients = Executors.newFixedThreadPool(count);
        try {
            for (int i = 0; i < count; i++) {
                clients.submit(() -> api.send(HttpRequest.GET("/api/v1/memories"), tenant.apiKey()));
            }
            whileInFlight.run();
        } finally {
            proxy.pass();
            clients.shutdown();
            assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS));
        }
    }

    private void waitForLevel(String level) {
        Waits.until("degradation level " + level, Duration.ofSeconds(20), () -> level.equals(degradation().get("level")));
    }

    @Test
    void levelsSwitchFeaturesOffUnderLoadAndBackOnAfterwards() throws InterruptedException {
        waitForLevel("normal");
        assertTrue(features().values().stream().allMatch(Boolean::booleanValue));

        withRequestsInFlight(4, () -> {
            waitForLevel("high");
            assertEquals(false, features().get("temporal_patterns"));
            assertEquals(false, features().get("context_suggestions"));
            assertEquals(true, features().get("maintenance_suggestions"), "still on at high");
            assertEquals(1.0, api.metrics().valueOrZero("degradation_level", Map.of()));
        });
        waitForLevel("normal");

        withRequestsInFlight(CAPACITY, () -> {
            waitForLevel("critical");
            assertEquals(false, features().get("maintenance_suggestions"));
            assertEquals(false, features().get("learning_metrics"));
            assertEquals(2.0, api.metrics().valueOrZero("degradation_level", Map.of()));
            Map<String, Object> answer = policy.unavailable(Feature.LEARNING_METRICS).orElseThrow();
            assertEquals("degraded", answer.get("status"));
            assertEquals("learning_metrics", answer.get("feature"));
        });

        waitForLevel("normal");
        assertTrue(features().values().stream().allMatch(Boolean::booleanValue), "every feature is back");
        assertTrue(policy.allows(Feature.TEMPORAL_PATTERNS));
        assertEquals(0.0, api.metrics().valueOrZero("degradation_level", Map.of()));
        assertTrue(api.metrics().valueOrZero("degradation_shed_total", Map.of("feature", "learning_metrics")) >= 1);
    }
}
