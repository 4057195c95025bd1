package io.recallbricks.observability;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.recallbricks.testing.Metrics;
import io.recallbricks.testing.RawHttp;
import io.recallbricks.testing.TestService;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13: {@code METRICS_ALLOWED_NETWORKS=} (empty) allows no network, as documented (it used to fall back to the
 * internal ranges); /health tells the public only up/ready, its detail, /sla and /alerts follow the /metrics rule;
 * the method label of the request metrics comes from a closed set.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OperatorAccessTest implements TestPropertyProvider {

    private static final String TOKEN = "scrape-7d1f0b9e4a6c2853";

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return TestService.properties(Map.of("METRICS_ALLOWED_NETWORKS", "", "METRICS_TOKEN", TOKEN));
    }

    @Test
    void anEmptyNetworkListAllowsNoNetworkNotEvenLoopback() {
        RawHttp raw = new RawHttp(server);
        for (String path : new String[]{"/metrics", "/sla", "/alerts"}) {
            assertEquals(403, raw.send("GET", path, null).statusCode(), path);
            assertEquals(200, raw.send("GET", path, null, "Authorization", "Bearer " + TOKEN).statusCode(), path);
        }
    }

    @Test
    void healthTellsThePublicOnlyUpOrReady() {
        RawHttp raw = new RawHttp(server);
        HttpResponse<String> live = raw.send("GET", "/health", null);
        HttpResponse<String> ready = raw.send("GET", "/health/ready", null);
        HttpResponse<String> detail = raw.send("GET", "/health", null, "Authorization", "Bearer " + TOKEN);
        HttpResponse<String> readyDetail = raw.send("GET", "/health/ready", null, "Authorization", "Bearer " + TOKEN);

        assertEquals(200, live.statusCode());
        assertTrue(live.body().contains("\"status\":\"ok\""), live.body());
        for (String secret : new String[]{"breaker", "rate_limit", "degradation", "circuit", "latency"}) {
            assertFalse(live.body().toLowerCase().contains(secret), "public /health tells " + secret + ": " + live.body());
            assertFalse(ready.body().toLowerCase().contains(secret), "public /health/ready tells " + secret + ": " + ready.body());
        }
        assertTrue(ready.body().contains("\"status\":\"ready\""), ready.body());
        assertTrue(detail.body().contains("rate_limit"), detail.body());
        assertTrue(readyDetail.body().contains("circuitBreaker"), readyDetail.body());
    }

    @Test
    void anInventedMethodDoesNotBecomeAMetricLabel() {
        RawHttp raw = new RawHttp(server);
        for (int i = 1; i <= 5; i++) {
            raw.send("ZZ" + i, "/health", null);
        }
        Metrics metrics = new Metrics(raw.send("GET", "/metrics", null, "Authorization", "Bearer " + TOKEN).body());

        assertFalse(metrics.text().contains("method=\"ZZ"), "an invented method became a label");
        assertTrue(metrics.valueOrZero("http_requests_total", Map.of("method", "other")) >= 5);
    }
}
