package io.recallbricks.learning;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.recallbricks.testing.Api;
import io.recallbricks.testing.TestService;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The learning features on recorded data, in keyword-only mode (no embedding API): reads record co-access and
 * time patterns that predict uses, analysis derives patterns and relationships, feedback is atomic, and the
 * maintenance report and metrics time series are really written. Every foreign id answers 404.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LearningApiTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    Api api;
    Api.Tenant tenant;
    Api.Tenant other;
    Map<String, String> properties;

    @Override
    public Map<String, String> getProperties() {
        properties = TestService.properties(Map.of("EMBEDDING_PROVIDER", "none"));
        return properties;
    }

    @BeforeAll
    void tenants() {
        api = new Api(http);
        tenant = api.newTenant("learning");
        other = api.newTenant("learning-other");
    }

    @Test
    void healthSaysKeywordOnlyAndSearchAnswersFromKeywords() {
        assertEquals("keyword-only", api.send(HttpRequest.GET("/health")).body().get("embeddings"));
        String id = create(tenant, "Rollback plan: revert the release tag and redeploy", List.of());

        Api.Response search = post(tenant, "/api/v1/memories/search", Map.of("query", "rollback release"));

        assertEquals("keyword", search.body().get("search_method"));
        assertEquals(id, memories(search).get(0).get("id"));
        assertEquals(false, memories(search).get(0).get("has_embedding"));
    }

    @Test
    void readingMemoriesTogetherRecordsCoAccessThatPredictUses() {
        String a = create(tenant, "Incident runbook for the payments gateway", List.of());
        String b = create(tenant, "Escalation contacts of the payments team", List.of());
        String c = create(tenant, "Unrelated note about the office move", List.of());
        read(tenant, a);
        read(tenant, b);

        Api.Response predict = get(tenant, "/api/v1/memories/predict?recent_memories=" + a);

        assertEquals(200, predict.status());
        List<Map<String, Object>> predictions = list(predict, "predictions");
        assertEquals(1, predictions.size(), predictions.toString());
        assertEquals(b, predictions.get(0).get("memory_id"));
        assertEquals(List.of("frequently_accessed_with"), predictions.get(0).get("reasons"));
        assertEquals(List.of(a), predictions.get(0).get("related_to"));
        // co-access 0.3, scaled by helpfulness 0.5: 0.3 x (0.5 + 0.5 x 0.5), to 2 decimals
        assertEquals(Math.round(0.3 * (0.5 + 0.5 * 0.5) * 100) / 100.0, ((Number) predictions.get(0).get("confidence")).doubleValue(), 1e-9);
        assertFalse(predictions.stream().anyMatch(p -> c.equals(p.get("memory_id"))));
    }

    @Test
    void predictAddsContextRelationshipAndTemporalSignals() {
        Api.Tenant user = api.newTenant("predict-signals");
        String root = create(user, "Deploy checklist for the mobile app", List.of());
        String linked = create(user, "App store release notes template", List.of());
        String contextual = create(user, "Grafana dashboards for latency alerts", List.of());
        Api.Response relationship = post(user, "/api/v1/relationships",
                Map.of("memory_id", root, "related_memory_id", linked, "relationship_type", "follows", "strength", 0.9));
        assertEquals(201, relationship.status());
        List<String> others = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            others.add(create(user, "Morning standup note " + i, List.of()));
        }
        others.forEach(id -> read(user, id));
        assertEquals(200, post(user, "/api/v1/learning/analyze", Map.of()).status());

        Api.Response predict = get(user, "/api/v1/memories/predict?current_context=latency%20alerts&recent_memories=[%22" + root + "%22]&limit=20");

        List<Map<String, Object>> predictions = list(predict, "predictions");
        assertEquals("keyword", predict.body().get("search_method"));
        assertTrue(reasons(predictions, linked).contains("follows_relationship"), predictions.toString());
        assertTrue(reasons(predictions, contextual).contains("context_similarity"), predictions.toString());
        assertTrue(reasons(predictions, others.get(0)).contains("temporal_pattern_hourly"), predictions.toString());
    }

    @Test
    void predictRejectsForeignAndMalformedIds() {
        String mine = create(tenant, "Mine", List.of());
        String theirs = create(other, "Theirs", List.of());

        assertEquals(404, get(tenant, "/api/v1/memories/predict?recent_memories=" + mine + "," + theirs).status());
        Api.Response malformed = get(tenant, "/api/v1/memories/predict?recent_memories=not-an-id");
        assertEquals(400, malformed.status());
        assertEquals("INVALID_PARAMETER", malformed.errorCode());
        assertEquals("INVALID_PARAMETER", get(tenant, "/api/v1/memories/predict?limit=0").errorCode());
    }

    @Test
    void concurrentFeedbackLosesNoUpdate() throws Exception {
        Api.Tenant user = api.newTenant("feedback-race");
        String id = create(user, "Feedback target", List.of());
        int n = 8;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<Api.Response>> results = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Callable<Api.Response> call = () -> post(user, "/api/v1/memories/" + id + "/feedback", Map.of("helpful", false));
                results.add(pool.submit(call));
            }
            for (Future<Api.Response> result : results) {
                assertEquals(200, result.get().status());
            }
        } finally {
            pool.shutdownNow();
        }

        Api.Response memory = get(user, "/api/v1/memories/" + id);
        // 0.5 - 8 x 0.05: any lost update would leave it higher.
        assertEquals(0.1, ((Number) memory.body().get("helpfulness_score")).doubleValue(), 1e-9);
        @SuppressWarnings("unchecked")
        Map<String, Object> params = (Map<String, Object>) get(user, "/api/v1/learning/metrics").body().get("learning_params");
        assertEquals(n, params.get("total_feedback"));
        assertEquals(n, params.get("negative_feedback_count"));
    }

    @Test
    void feedbackAppliesTheOriginalFormulasAndWritesTheSatisfactionSeries() {
        String id = create(tenant, "Feedback formula", List.of());

        Api.Response up = post(tenant, "/api/v1/memories/" + id + "/feedback", Map.of("helpful", true, "context", "planning"));
        Api.Response rated = post(tenant, "/api/v1/memories/" + id + "/feedback", Map.of("helpful", true, "user_satisfaction", 0.9));
        Api.Response zero = post(tenant, "/api/v1/memories/" + id + "/feedback", Map.of("helpful", false, "user_satisfaction", 0));

        assertEquals(0.6, ((Number) up.body().get("new_helpfulness_score")).doubleValue(), 1e-9);
        assertEquals(0.69, ((Number) rated.body().get("new_helpfulness_score")).doubleValue(), 1e-9);
        assertEquals(0.483, ((Number) zero.body().get("new_helpfulness_score")).doubleValue(), 1e-9, "0 is an answer");
        Api.Response metrics = get(tenant, "/api/v1/learning/metrics?metric_type=user_satisfaction");
        List<Map<String, Object>> series = list(metrics, "time_series");
        assertEquals(1, series.size());
        assertEquals(2, ((List<?>) series.get(0).get("data")).size());
        assertNotNull(((Map<?, ?>) metrics.body().get("trends")).get("user_satisfaction"));
    }

    @Test
    void feedbackValidatesAndIsScopedToTheCaller() {
        String id = create(tenant, "Validated feedback", List.of());
        String theirs = create(other, "Not yours", List.of());

        assertEquals("VALIDATION_ERROR", post(tenant, "/api/v1/memories/" + id + "/feedback", Map.of("helpful", "yes")).errorCode());
        assertEquals("VALIDATION_ERROR", post(tenant, "/api/v1/memories/" + id + "/feedback",
                Map.of("helpful", true, "user_satisfaction", 1.5)).errorCode());
        assertEquals(404, post(tenant, "/api/v1/memories/" + theirs + "/feedback", Map.of("helpful", true)).status());
    }

    @Test
    void analysisTurnsRepeatedCoAccessIntoARelationshipAndReportsPatterns() {
        Api.Tenant user = api.newTenant("analysis");
        String a = create(user, "Schema migration guide for PostgreSQL upgrades", List.of("db"));
        String b = create(user, "PostgreSQL upgrade rollback steps", List.of("db"));
        // Six sessions: 0.6 + 6/100 + 0.1 (a shared tag) = 0.76, above the 0.75 auto-apply threshold.
        for (int i = 0; i < 6; i++) {
            read(user, a);
            read(user, b);
            forgetWindow(user);
        }

        Api.Response analysis = post(user, "/api/v1/learning/analyze", Map.of("auto_apply", true));

        @SuppressWarnings("unchecked")
        Map<String, Object> result = (Map<String, Object>) analysis.body().get("result");
        assertEquals(1, result.get("relationships_created"), result.toString());
        Api.Response edges = get(user, "/api/v1/relationships/memory/" + a);
        List<Map<String, Object>> relationships = list(edges, "relationships");
        assertEquals(1, relationships.size());
        assertEquals("co_access", relationships.get(0).get("origin"));
        Api.Response patterns = get(user, "/api/v1/memories/meta/patterns?days=7");
        List<Map<String, Object>> together = list(patterns, "frequently_accessed_together");
        assertEquals(1, together.size());
        @SuppressWarnings("unchecked")
        Map<String, Object> hourly = (Map<String, Object>) ((Map<String, Object>) patterns.body().get("access_time_patterns")).get("hourly_distribution");
        assertEquals(12L, hourly.values().stream().mapToLong(v -> ((Number) v).longValue()).sum(), "every read is recorded");
        assertFalse(list(get(user, "/api/v1/learning/metrics"), "time_series").isEmpty(), "analysis writes the learning metrics series");
    }

    @Test
    void relationshipRoutesValidateAndStayInsideTheTenant() {
        String a = create(tenant, "Graph root", List.of());
        String b = create(tenant, "Graph child", List.of());
        String c = create(tenant, "Graph grandchild", List.of());
        String theirs = create(other, "Foreign", List.of());
        assertEquals(201, post(tenant, "/api/v1/relationships", Map.of("memory_id", a, "related_memory_id", b, "strength", 0.8)).status());
        assertEquals(201, post(tenant, "/api/v1/relationships", Map.of("memory_id", b, "related_memory_id", c, "strength", 0.7)).status());

        assertEquals(409, post(tenant, "/api/v1/relationships", Map.of("memory_id", a, "related_memory_id", b)).status());
        assertEquals(404, post(tenant, "/api/v1/relationships", Map.of("memory_id", a, "related_memory_id", theirs)).status());
        assertEquals("VALIDATION_ERROR", post(tenant, "/api/v1/relationships",
                Map.of("memory_id", a, "related_memory_id", c, "relationship_type", "loves")).errorCode());
        Map<String, Object> depth1 = get(tenant, "/api/v1/relationships/graph/" + a).body();
        Map<String, Object> depth2 = get(tenant, "/api/v1/relationships/graph/" + a + "?depth=2").body();
        assertEquals(2, ((Map<?, ?>) depth1.get("stats")).get("nodeCount"));
        assertEquals(3, ((Map<?, ?>) depth2.get("stats")).get("nodeCount"));
        assertEquals("INVALID_PARAMETER", get(tenant, "/api/v1/relationships/graph/" + a + "?depth=abc").errorCode());
        assertEquals("INVALID_PARAMETER", get(tenant, "/api/v1/relationships/graph/" + a + "?depth=4").errorCode());
        assertEquals("INVALID_PARAMETER", get(tenant, "/api/v1/relationships/graph/" + a + "?minStrength=2").errorCode());
        assertEquals(404, get(other, "/api/v1/relationships/graph/" + a).status());
        assertEquals(404, get(other, "/api/v1/relationships/memory/" + a).status());

        String edge = (String) list(get(tenant, "/api/v1/relationships/memory/" + a), "relationships").get(0).get("id");
        assertEquals(404, api.send(HttpRequest.DELETE("/api/v1/relationships/" + edge), other.apiKey()).status());
        assertEquals(200, api.send(HttpRequest.DELETE("/api/v1/relationships/" + edge), tenant.apiKey()).status());
        assertEquals(404, api.send(HttpRequest.DELETE("/api/v1/relationships/" + edge), tenant.apiKey()).status());
    }

    @Test
    void maintenanceReportIsPrecomputedAndFindsDuplicates() throws InterruptedException {
        Api.Tenant user = api.newTenant("maintenance");
        create(user, "the nightly export job writes parquet files to the analytics bucket", List.of());
        create(user, "the nightly export job writes parquet files to the analytics bucket today", List.of());
        create(user, "something else entirely", List.of());

        Api.Response first = get(user, "/api/v1/learning/maintenance-suggestions");
        assertEquals(200, first.status());
        assertEquals("pending", first.body().get("status"));

        Api.Response report = first;
        for (int i = 0; i < 50 && !"fresh".equals(report.body().get("status")); i++) {
            Thread.sleep(100);
            report = get(user, "/api/v1/learning/maintenance-suggestions");
        }
        assertEquals("fresh", report.body().get("status"));
        List<Map<String, Object>> duplicates = list(report, "duplicates");
        assertEquals(1, duplicates.size());
        assertEquals("review", duplicates.get(0).get("suggestion"));
        assertNotNull(report.body().get("computed_at"));
    }

    @Test
    void keywordRoutesMatchAnyKeyword() {
        Api.Tenant user = api.newTenant("keywords");
        String kafka = create(user, "Kafka retention is seven days", List.of("streaming"));
        String redis = create(user, "Redis eviction policy is allkeys-lru", List.of("cache"));

        Api.Response search = post(user, "/api/v1/search", Map.of("query", "kafka redis"));
        Api.Response tagged = post(user, "/api/v1/search", Map.of("query", "kafka redis", "tags", List.of("cache")));
        Api.Response context = post(user, "/api/v1/context", Map.of("query", "What is the Kafka retention and the Redis policy?",
                "conversation_history", List.of(Map.of("role", "user", "content", "eviction question"))));

        assertEquals(2, ((Number) search.body().get("count")).intValue(), "any keyword matches");
        assertEquals(redis, memories(tagged).get(0).get("id"));
        assertEquals(1, ((Number) tagged.body().get("count")).intValue());
        assertEquals(2, ((Number) context.body().get("count")).intValue());
        assertTrue(((List<?>) context.body().get("keywords_extracted")).containsAll(List.of("kafka", "retention", "redis", "eviction")));
        assertTrue(((Number) memories(context).get(0).get("relevance_score")).doubleValue() >= 10);
        assertEquals(List.of(kafka, redis).size(), memories(context).size());
        assertEquals("MISSING_PARAMETER", post(user, "/api/v1/context", Map.of("limit", 3)).errorCode());
    }

    @Test
    void suggestScoresWithTheOriginalFormulaAndValidates() {
        Api.Tenant user = api.newTenant("suggest");
        String id = create(user, "Terraform state is stored in an encrypted bucket", List.of());

        Api.Response suggest = post(user, "/api/v1/memories/suggest", Map.of("context", "terraform state bucket", "min_confidence", 0.5));

        List<Map<String, Object>> suggestions = list(suggest, "suggestions");
        assertEquals(1, suggestions.size());
        assertEquals(id, suggestions.get(0).get("memory_id"));
        // 0.4 x 1.0 (best keyword match) + 0 x 0.3 + 0 x 0.2 + 0.5 x 0.5
        assertEquals(0.65, ((Number) suggestions.get(0).get("suggestion_score")).doubleValue(), 1e-9);
        assertNotNull(suggestions.get(0).get("reasoning"));
        assertEquals("INVALID_PARAMETER", post(user, "/api/v1/memories/suggest", Map.of("context", "x", "min_confidence", 2)).errorCode());
        assertEquals("MISSING_PARAMETER", post(user, "/api/v1/memories/suggest", Map.of("limit", 2)).errorCode());
        assertEquals("INVALID_PARAMETER", post(user, "/api/v1/memories/suggest", Map.of("context", "x", "limit", 500)).errorCode());
    }

    @Test
    void searchAndLearningParametersAreValidated() {
        assertEquals("MISSING_PARAMETER", post(tenant, "/api/v1/memories/search", Map.of("limit", 5)).errorCode());
        assertEquals("INVALID_PARAMETER", post(tenant, "/api/v1/memories/search", Map.of("query", "x", "limit", 0)).errorCode());
        assertEquals("INVALID_PARAMETER", post(tenant, "/api/v1/memories/search", Map.of("query", "x", "min_helpfulness_score", -1)).errorCode());
        assertEquals("MISSING_PARAMETER", get(tenant, "/api/v1/memories/search").errorCode());
        assertEquals("INVALID_PARAMETER", get(tenant, "/api/v1/learning/metrics?days=abc").errorCode());
        assertEquals("INVALID_PARAMETER", get(tenant, "/api/v1/learning/metrics?metric_type=nope").errorCode());
        assertEquals("INVALID_PARAMETER", get(tenant, "/api/v1/memories/meta/patterns?days=0").errorCode());
    }

    /** Moves the caller's recorded reads out of the co-access window, so the next reads form a new session. */
    private void forgetWindow(Api.Tenant user) {
        try (java.sql.Connection connection = java.sql.DriverManager.getConnection(
                properties.get("datasources.default.url"), properties.get("datasources.default.username"),
                properties.get("datasources.default.password"));
             java.sql.PreparedStatement statement = connection.prepareStatement(
                     "UPDATE memory_accesses SET accessed_at = accessed_at - interval '1 hour' WHERE user_id = ?")) {
            statement.setObject(1, user.userId());
            statement.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private String create(Api.Tenant user, String text, List<String> tags) {
        Api.Response created = post(user, "/api/v1/memories", Map.of("text", text, "tags", tags));
        assertEquals(201, created.status(), created.toString());
        return (String) created.body().get("id");
    }

    private void read(Api.Tenant user, String id) {
        assertEquals(200, get(user, "/api/v1/memories/" + id).status());
    }

    private Api.Response post(Api.Tenant user, String path, Map<String, Object> body) {
        return api.send(HttpRequest.POST(path, body), user.apiKey());
    }

    private Api.Response get(Api.Tenant user, String path) {
        return api.send(HttpRequest.GET(path), user.apiKey());
    }

    private static List<String> reasons(List<Map<String, Object>> predictions, String id) {
        return predictions.stream().filter(p -> id.equals(p.get("memory_id"))).findFirst()
                .map(p -> {
                    @SuppressWarnings("unchecked")
                    List<String> reasons = (List<String>) p.get("reasons");
                    return reasons;
                }).orElse(List.of());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Api.Response response, String field) {
        return (List<Map<String, Object>>) response.body().get(field);
    }

    private static List<Map<String, Object>> memories(Api.Response response) {
        return list(response, "memories");
    }
}
