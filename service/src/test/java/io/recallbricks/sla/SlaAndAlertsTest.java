package io.recallbricks.sla;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.recallbricks.testing.Api;
import io.recallbricks.testing.Api.Response;
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
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * /sla and /alerts computed from the service's real traffic: errors injected by taking the database away, latency
 * by slowing it down (a {@link FaultProxy}); the alert rules fire, and resolve when the window has moved on.
 * ALERT_FOR_SCALE=0 makes every rule fire on its first failing evaluation, and a 3 s rate window keeps the test short.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlaAndAlertsTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    FaultProxy proxy;
    Api api;
    Api.Tenant tenant;

    @Override
    public Map<String, String> getProperties() {
        TestDatabase.Database database = TestDatabase.fresh();
        proxy = FaultProxy.to(database);
        Map<String, String> properties = new HashMap<>(TestService.properties(database.via(proxy.port()), Map.of(
                "ALERT_FOR_SCALE", "0",
                "ALERT_EVALUATION_INTERVAL_SECONDS", "1",
                "ALERT_RATE_WINDOW_SECONDS", "3",
                "DB_FAILURE_THRESHOLD", "3",
                "CIRCUIT_BREAKER_OPEN_SECONDS", "1",
                "DB_SLOW_CALL_MS", "60000",
                "RATE_LIMIT_ENABLED", "false")));
        properties.put("micronaut.http.client.read-timeout", "30s");
        return properties;
    }

    @BeforeAll
    void createTenant() {
        api = new Api(http);
        tenant = api.newTenant("sla");
    }

    @AfterAll
    void closeProxy() throws IOException {
        proxy.close();
    }

    private Response list() {
        return api.send(HttpRequest.GET("/api/v1/memories"), tenant.apiKey());
    }

    private Map<String, Object> sla() {
        Response response = api.send(HttpRequest.GET("/sla?period=1m"));
        assertEquals(200, response.status());
        return response.body();
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> alerts(String state) {
        return (List<Map<String, Object>>) api.send(HttpRequest.GET("/alerts?state=" + state)).body().get("alerts");
    }

    private boolean hasAlert(String state, String name, Map<String, String> labels) {
        return alerts(state).stream().anyMatch(alert -> name.equals(alert.get("name"))
                && ((Map<?, ?>) alert.get("labels")).entrySet().containsAll(labels.entrySet()));
    }

    @SuppressWarnings("unchecked")
    private String databaseBreakerState() {
        Map<String, Object> breakers = (Map<String, Object>) api.send(HttpRequest.GET("/health")).body().get("circuit_breakers");
        return (String) ((Map<String, Object>) breakers.get("database")).get("state");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> part(Map<String, Object> body, String key) {
        return (Map<String, Object>) body.get(key);
    }

    @Test
    void errorsAndLatencyShowInTheSlaAndFireTheGuidesAlerts() {
        for (int i = 0; i < 10; i++) {
            assertEquals(200, list().status());
        }
        Map<String, Object> healthy = sla();
        assertTrue(((Number) healthy.get("total_requests")).longValue() >= 10);
        assertEquals(100.0, ((Number) part(healthy, "availability").get("actual")).doubleValue());
        assertEquals(true, part(healthy, "availability").get("met"));
        assertTrue(((List<?>) healthy.get("routes")).stream()
                .anyMatch(route -> "GET /api/v1/memories".equals(((Map<?, ?>) route).get("route"))),
                "routes are reported by template, with their method");

        // Errors: the database goes away.
        proxy.refuse();
        for (int i = 0; i < 6; i++) {
            assertEquals(503, list().status());
        }
        Map<String, Object> failing = sla();
        assertTrue(((Number) part(failing, "error_rate").get("actual")).doubleValue() > 1.0);
        assertEquals(false, part(failing, "availability").get("met"));
        assertEquals(false, failing.get("overall_sla_met"));
        Waits.until("HighErrorRate, SLAViolation and CircuitBreakerOpen to fire", Duration.ofSeconds(20), () ->
                hasAlert("firing", "HighErrorRate", Map.of("severity", "critical"))
                        && hasAlert("firing", "SLAViolation", Map.of())
                        && hasAlert("firing", "CircuitBreakerOpen", Map.of("breaker_name", "database")));

        // The database is back; once the errors leave the rate window the alerts resolve.
        proxy.pass();
        Waits.until("the database to answer and its breaker to close", Duration.ofSeconds(30),
                () -> list().status() == 200 && "closed".equals(databaseBreakerState()));
        Waits.until("HighErrorRate to resolve", Duration.ofSeconds(30), () ->
                hasAlert("resolved", "HighErrorRate", Map.of()) && !hasAlert("firing", "HighErrorRate", Map.of()));
        assertTrue(hasAlert("resolved", "CircuitBreakerOpen", Map.of("breaker_name", "database")));

        // Latency: every answer of the database is held back.
        proxy.delay(600);
        try {
            for (int i = 0; i < 3; i++) {
                assertEquals(200, list().status());
            }
            Waits.until("HighLatencyP95 to fire", Duration.ofSeconds(20),
                    () -> hasAlert("firing", "HighLatencyP95", Map.of("severity", "warning")));
        } finally {
            proxy.pass();
        }
        Map<String, Object> slow = sla();
        assertTrue(((Number) part(slow, "latency").get("p99_ms")).doubleValue() > 500);
        assertEquals(false, part(slow, "latency").get("met"));
    }

    @Test
    void anUnknownPeriodIsAClearError() {
        Response response = api.send(HttpRequest.GET("/sla?period=2y"));

        assertEquals(400, response.status());
        assertEquals("INVALID_PARAMETER", response.errorCode());
        assertEquals(400, api.send(HttpRequest.GET("/alerts?state=maybe")).status());
    }
}
