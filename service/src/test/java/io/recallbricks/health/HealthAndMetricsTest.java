package io.recallbricks.health;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
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
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthAndMetricsTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    Api api;

    @Override
    public Map<String, String> getProperties() {
        return TestService.properties();
    }

    @BeforeAll
    void setUp() {
        api = new Api(http);
    }

    @Test
    void livenessNeedsNoKey() {
        Response health = api.send(HttpRequest.GET("/health"));

        assertEquals(200, health.status());
        assertEquals("ok", health.body().get("status"));
    }

    @Test
    void readinessChecksTheDatabase() {
        Response ready = api.send(HttpRequest.GET("/health/ready"));

        assertEquals(200, ready.status());
        assertEquals("ready", ready.body().get("status"));
        @SuppressWarnings("unchecked")
        Map<String, Object> database = (Map<String, Object>) ((Map<String, Object>) ready.body().get("checks")).get("database");
        assertEquals("healthy", database.get("status"));
    }

    @Test
    void theSdkHealthProbeIsPublic() {
        Response health = api.send(HttpRequest.GET("/api/v1/health"));

        assertEquals(200, health.status());
        assertEquals("healthy", health.body().get("status"));
    }

    @Test
    void everyResponseCarriesARequestIdAndASaneIncomingOneIsEchoed() {
        HttpResponse<?> generated = api.send(HttpRequest.GET("/health")).raw();
        HttpResponse<?> echoed = api.send(HttpRequest.GET("/health").header("X-Request-ID", "trace-123")).raw();
        HttpResponse<?> unsafe = api.send(HttpRequest.GET("/health").header("X-Request-ID", "bad id\twith spaces")).raw();
        Response error = api.send(HttpRequest.GET("/api/v1/memories").header("X-Request-ID", "trace-456"));

        assertNotNull(generated.getHeaders().get("X-Request-ID"));
        assertEquals("trace-123", echoed.getHeaders().get("X-Request-ID"));
        assertNotEquals("bad id\twith spaces", unsafe.getHeaders().get("X-Request-ID"));
        assertEquals("trace-456", error.raw().getHeaders().get("X-Request-ID"));
        assertEquals("trace-456", error.error().get("requestId"));
    }

    @Test
    void metricsArePrometheusTextWithRouteTemplatesAndNoTenantData() {
        Api.Tenant tenant = api.newTenant("metrics");
        String id = (String) api.send(HttpRequest.POST("/api/v1/memories",
                Map.of("text", "confidential roadmap item")), tenant.apiKey()).body().get("id");
        api.send(HttpRequest.GET("/api/v1/memories/" + id), tenant.apiKey());

        HttpResponse<String> scrape = api.text(HttpRequest.GET("/metrics"));
        String text = scrape.body();

        assertEquals(200, scrape.code());
        assertTrue(scrape.getContentType().orElseThrow().toString().startsWith("text/plain"));
        assertTrue(text.contains("http_requests_total{method=\"GET\",route=\"/api/v1/memories/{id}\",status_code=\"200\"}"), text);
        assertTrue(text.contains("http_request_duration_seconds_bucket{method=\"POST\",route=\"/api/v1/memories\""));
        assertTrue(text.contains("jvm_memory_used_bytes"));
        assertTrue(text.contains("db_connections_active"));
        assertTrue(text.contains("db_connections_max"));
        assertTrue(text.contains("process_resident_memory_bytes"));
        assertTrue(text.contains("hikaricp_connections"), "connection-pool metrics");
        assertFalse(text.contains(id), "raw ids never become labels");
        assertFalse(text.contains("confidential"));
        assertFalse(text.contains(tenant.apiKey()));
    }

    @Test
    void aScraperAskingForPlainTextGetsIt() {
        HttpResponse<String> plain = api.text(HttpRequest.GET("/metrics").accept("text/plain"));
        HttpResponse<String> prometheus = api.text(HttpRequest.GET("/metrics")
                .accept("application/openmetrics-text;version=1.0.0,text/plain;version=0.0.4;q=0.5,*/*;q=0.1"));

        assertEquals(200, plain.code());
        assertTrue(plain.getContentType().orElseThrow().toString().startsWith("text/plain"));
        assertEquals(200, prometheus.code());
        assertTrue(prometheus.getContentType().orElseThrow().toString().startsWith("application/openmetrics-text"));
        assertTrue(prometheus.body().trim().endsWith("# EOF"));
    }

    @Test
    void unmatchedRoutesShareOneLabel() {
        api.send(HttpRequest.GET("/no/such/route/" + System.nanoTime()));

        String text = api.text(HttpRequest.GET("/metrics")).body();

        assertTrue(text.contains("route=\"unmatched\""));
        assertFalse(text.contains("/no/such/route"));
    }
}
