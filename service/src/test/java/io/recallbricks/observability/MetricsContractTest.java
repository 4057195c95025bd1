package io.recallbricks.observability;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.recallbricks.testing.Api;
import io.recallbricks.testing.Metrics;
import io.recallbricks.testing.TestService;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped alert rules, the Grafana dashboard and the contract's metric table, checked against a real scrape of
 * /metrics: every metric name they use must be exported, with the labels the rules group and filter by. Metrics of
 * the embedding client are required once the embedding package is part of the build.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MetricsContractTest implements TestPropertyProvider {

    private static final Path REPOSITORY = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern METRIC = Pattern.compile(
            "\\b((?:http|circuit|cache|db|degradation|rate_limit|embedding|process|system|jvm|resilience4j)_[a-z0-9_]+)\\b");

    @Inject
    @Client("/")
    HttpClient http;

    Metrics scrape;

    @Override
    public Map<String, String> getProperties() {
        return TestService.properties();
    }

    @BeforeAll
    void traffic() {
        Api api = new Api(http);
        Api.Tenant tenant = api.newTenant("metrics");
        api.send(HttpRequest.POST("/api/v1/memories", Map.of("text", "a memory")), tenant.apiKey());
        api.send(HttpRequest.GET("/api/v1/memories"), tenant.apiKey());
        api.send(HttpRequest.GET("/api/v1/memories/00000000-0000-0000-0000-000000000000"), tenant.apiKey());
        scrape = api.metrics();
    }

    private static Set<String> metricNames(Path file) throws IOException {
        Set<String> names = new TreeSet<>();
        Matcher matcher = METRIC.matcher(Files.readString(file));
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }

    private void assertExported(Set<String> names, String source) {
        boolean embeddingBuilt = getClass().getClassLoader().getResource("io/recallbricks/embedding") != null;
        Set<String> missing = new TreeSet<>();
        for (String name : names) {
            if (name.startsWith("embedding_") && !embeddingBuilt) {
                continue; // exported by the embedding client, which this build does not contain yet
            }
            if (!scrape.names().contains(name)) {
                missing.add(name);
            }
        }
        assertEquals(Set.of(), missing, "metrics used by " + source + " but not exported");
    }

    @Test
    void everyMetricTheAlertRulesUseIsExported() throws IOException {
        Set<String> names = metricNames(REPOSITORY.resolve("deploy/prometheus/alerts.yml"));
        assertTrue(names.containsAll(Set.of("http_requests_total", "http_request_duration_seconds_bucket",
                "circuit_breaker_state", "cache_hits_total", "cache_misses_total", "db_connections_active")), names.toString());
        assertExported(names, "deploy/prometheus/alerts.yml");
    }

    @Test
    void everyMetricTheDashboardUsesIsExported() throws IOException {
        Set<String> names = metricNames(REPOSITORY.resolve("deploy/grafana/recallbricks-dashboard.json"));
        assertTrue(names.size() >= 12, names.toString());
        assertExported(names, "deploy/grafana/recallbricks-dashboard.json");
    }

    @Test
    void everyMetricOfTheContractIsExported() throws IOException {
        String contracts = Files.readString(REPOSITORY.resolve("docs/contracts.md"));
        String table = contracts.substring(contracts.indexOf("## 2."), contracts.indexOf("## 3."));
        Set<String> names = new TreeSet<>();
        Matcher matcher = Pattern.compile("`([a-z_]+)`").matcher(table);
        while (matcher.find()) {
            String name = matcher.group(1);
            if (METRIC.matcher(name).matches()) {
                names.add(name.equals("http_request_duration_seconds") || name.equals("embedding_request_duration_seconds")
                        ? name + "_bucket" : name);
            }
        }
        assertTrue(names.size() >= 12, names.toString());
        assertExported(names, "docs/contracts.md");
    }

    @Test
    void theLabelsTheRulesSelectOnAreThere() {
        assertTrue(scrape.value("http_requests_total", Map.of("status_code", "201", "route", "/api/v1/memories")).isPresent());
        assertTrue(scrape.value("http_requests_total", Map.of("status_code", "404", "route", "/api/v1/memories/{id}")).isPresent(),
                "routes are templates, never raw ids");
        assertTrue(scrape.value("circuit_breaker_state", Map.of("breaker_name", "database")).isPresent());
        assertTrue(scrape.value("circuit_breaker_state", Map.of("breaker_name", "openai")).isPresent());
        assertTrue(scrape.value("cache_hits_total", Map.of("cache", "api_keys")).orElse(0) >= 1);
        for (String tier : new String[]{"global", "user", "expensive"}) {
            assertTrue(scrape.value("rate_limit_rejections_total", Map.of("tier", tier)).isPresent(), tier);
        }
        assertTrue(scrape.value("degradation_level", Map.of()).isPresent());
        assertTrue(scrape.value("db_connections_max", Map.of()).orElse(0) >= 1);
        assertTrue(!scrape.text().contains("00000000-0000-0000-0000-000000000000"), "no raw ids in any label");
    }
}
