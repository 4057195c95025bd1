package io.recallbricks.compat;

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

import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every core method of the official Python SDK, as the exact request it sends, and every response field it reads
 * (its typed parsers use {@code .get(key, default)}, so a missing or renamed field would not raise: the raw JSON is
 * what is checked). One test per SDK method, named after it.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PythonSdkContractTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    Api api;
    Api.Tenant tenant;
    PythonSdk sdk;

    @Override
    public Map<String, String> getProperties() {
        // Dozens of calls per tenant: the rate limits are not what this class checks (SdkRateLimitTest does).
        return TestService.properties(Map.of("USER_RATE_LIMIT", "100000", "EXPENSIVE_RATE_LIMIT", "100000"));
    }

    @BeforeAll
    void createTenant() {
        api = new Api(http);
        tenant = api.newTenant("python-sdk");
        sdk = new PythonSdk(api, tenant.apiKey());
    }

    /** {@code save(text, source="api", project_id="default", tags, metadata)}. */
    private Map<String, Object> save(String text, List<String> tags, Map<String, Object> metadata) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("text", text);
        payload.put("source", "api");
        payload.put("project_id", "default");
        if (tags != null) {
            payload.put("tags", tags);
        }
        if (metadata != null) {
            payload.put("metadata", metadata);
        }
        Response saved = sdk.post("/memories", payload);
        assertEquals(201, saved.status(), saved.body().toString());
        return saved.body();
    }

    private static List<Map<String, Object>> items(Map<String, Object> body, String key) {
        Object value = body.get(key);
        assertInstanceOf(List.class, value, key + " must be a list: " + body);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> list = (List<Map<String, Object>>) value;
        return list;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(Object value) {
        assertInstanceOf(Map.class, value);
        return (Map<String, Object>) value;
    }

    private static double number(Object value) {
        assertInstanceOf(Number.class, value);
        return ((Number) value).doubleValue();
    }

    @Test
    void save_storesWhatItSendsAndAnswersIdAndCreatedAt() {
        Map<String, Object> memory = save("The team chose PostgreSQL for durable storage", List.of("db"), Map.of("origin", "chat"));

        assertNotNull(memory.get("id"));
        assertNotNull(Instant.parse((String) memory.get("created_at")));
        Response read = sdk.get("/memories/" + memory.get("id"));
        assertEquals("The team chose PostgreSQL for durable storage", read.body().get("text"));
        assertEquals("api", read.body().get("source"));
        assertEquals("default", read.body().get("project_id"));
        assertEquals(List.of("db"), read.body().get("tags"));
        assertEquals(Map.of("origin", "chat"), read.body().get("metadata"));
    }

    @Test
    void captureFunction_savesTheAutoCaptureText() {
        Map<String, Object> payload = Map.of("text", "[AUTO-CAPTURE] Function: add\nInputs: (1, 2)", "source", "api",
                "project_id", "default");
        Response saved = sdk.post("/memories", payload);

        assertEquals(201, saved.status());
        assertEquals("[AUTO-CAPTURE] Function: add\nInputs: (1, 2)", saved.body().get("text"));
    }

    @Test
    void learn_computesTagsCategoryEntitiesImportanceAndSummary() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("text", "We decided to move the billing service to PostgreSQL 15 before March. Alice Smith owns the migration.");
        payload.put("source", "python-sdk");
        Response learned = sdk.post("/memories/learn", payload);

        assertEquals(201, learned.status(), learned.body().toString());
        assertNotNull(learned.body().get("id"));
        assertNotNull(Instant.parse((String) learned.body().get("created_at")));
        Map<String, Object> metadata = object(learned.body().get("metadata"));
        assertEquals("decision", metadata.get("category"));
        List<?> tags = (List<?>) metadata.get("tags");
        assertTrue(tags.contains("billing") && tags.contains("postgresql"), tags.toString());
        assertEquals(tags, learned.body().get("tags"), "the memory's own tags are the learned ones");
        List<?> entities = (List<?>) metadata.get("entities");
        assertTrue(entities.contains("Alice Smith") && entities.contains("PostgreSQL"), entities.toString());
        double importance = number(metadata.get("importance"));
        assertTrue(importance > 0.5 && importance <= 1.0, "a decision with a date and names matters more: " + importance);
        assertEquals("We decided to move the billing service to PostgreSQL 15 before March.", metadata.get("summary"));
        assertEquals("python-sdk", learned.body().get("source"));
    }

    @Test
    void learn_callerMetadataTagsAndCategoryOverrideTheComputedOnes() {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("text", "Bob prefers dark mode in every editor");
        payload.put("source", "python-sdk");
        payload.put("project_id", "ui");
        payload.put("metadata", Map.of("tags", List.of("ui", "settings"), "category", "settings", "team", "web"));
        Response learned = sdk.post("/memories/learn", payload);

        assertEquals(201, learned.status());
        Map<String, Object> metadata = object(learned.body().get("metadata"));
        assertEquals(List.of("ui", "settings"), metadata.get("tags"));
        assertEquals("settings", metadata.get("category"));
        assertEquals("web", metadata.get("team"), "the caller's other metadata is kept");
        assertEquals("ui", learned.body().get("project_id"));
        assertEquals(List.of("ui", "settings"), learned.body().get("tags"));
    }

    @Test
    void recall_plainGivesEachMemoryAScore() {
        String id = (String) save("Recall check: the nightly backup runs at 02:00 UTC", null, null).get("id");
        Response recalled = sdk.post("/memories/recall", Map.of("query", "nightly backup", "limit", 10));

        assertEquals(200, recalled.status(), recalled.body().toString());
        List<Map<String, Object>> memories = items(recalled.body(), "memories");
        Map<String, Object> hit = memories.stream().filter(m -> id.equals(m.get("id"))).findFirst().orElseThrow();
        assertEquals("Recall check: the nightly backup runs at 02:00 UTC", hit.get("text"));
        assertTrue(number(hit.get("score")) > 0);
        assertInstanceOf(Map.class, hit.get("metadata"));
        assertEquals(memories.size(), number(recalled.body().get("count")));
    }

    @Test
    void recall_organizedGroupsByCategoryWithCountAverageAndSummary() {
        Tenant own = fresh("recall-organized");
        own.learn("Deploy bug: the payment service crashes with a timeout error on deploy.");
        own.learn("Deploy bug: the login page shows an error after every deploy.");
        own.learn("We decided to deploy on Tuesdays only.");

        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("query", "deploy");
        payload.put("limit", 10);
        payload.put("organized", true);
        Response recalled = own.sdk.post("/memories/recall", payload);

        assertEquals(200, recalled.status(), recalled.body().toString());
        assertEquals(3, items(recalled.body(), "memories").size());
        assertEquals(3, number(recalled.body().get("total")));
        Map<String, Object> categories = object(recalled.body().get("categories"));
        assertEquals(2, categories.size(), categories.toString());
        Map<String, Object> issues = object(categories.get("issue"));
        assertEquals(2, number(issues.get("count")));
        assertTrue(number(issues.get("avg_score")) > 0);
        assertTrue(((String) issues.get("summary")).contains("payment service crashes"), issues.toString());
        assertEquals(1, number(object(categories.get("decision")).get("count")));
    }

    @Test
    void recall_minHelpfulnessScoreFiltersAndProjectScopes() {
        Tenant own = fresh("recall-filters");
        String kept = own.save("Cache rule one: invalidate on write", "alpha");
        own.save("Cache rule two: never cache errors", "beta");
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("query", "cache rule");
        payload.put("limit", 5);
        payload.put("min_helpfulness_score", 0.4);
        payload.put("project_id", "alpha");
        Response recalled = own.sdk.post("/memories/recall", payload);

        assertEquals(200, recalled.status(), recalled.body().toString());
        assertEquals(List.of(kept), items(recalled.body(), "memories").stream().map(m -> m.get("id")).toList());
        payload.put("min_helpfulness_score", 0.9);
        assertEquals(0, items(own.sdk.post("/memories/recall", payload).body(), "memories").size(),
                "new memories have helpfulness 0.5");
    }

    @Test
    void getAll_listsWithLimit() {
        Tenant own = fresh("get-all");
        own.save("first", null);
        own.save("second", null);
        own.save("third", null);
        Response all = own.sdk.get("/memories?limit=2");

        assertEquals(200, all.status());
        List<Map<String, Object>> memories = items(all.body(), "memories");
        assertEquals(List.of("third", "second"), memories.stream().map(m -> m.get("text")).toList());
        assertEquals(2, number(all.body().get("count")));
    }

    @Test
    void search_answersMemoriesAndCount() {
        String id = (String) save("Search check: Grafana dashboards live in the ops folder", null, null).get("id");
        Response found = sdk.post("/memories/search", Map.of("query", "Grafana dashboards", "limit", 10));

        assertEquals(200, found.status(), found.body().toString());
        List<Map<String, Object>> memories = items(found.body(), "memories");
        assertTrue(memories.stream().anyMatch(m -> id.equals(m.get("id"))));
        assertEquals(memories.size(), number(found.body().get("count")));
    }

    @Test
    void searchWeighted_readsResultsFromTheSameRouteWithEveryField() {
        Map<String, Object> saved = save("Weighted check: Kafka retention is seven days", List.of("kafka"), Map.of("team", "data"));
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("query", "Kafka retention");
        payload.put("limit", 10);
        payload.put("weight_by_usage", true);
        payload.put("decay_old_memories", false);
        payload.put("adaptive_weights", true);
        payload.put("min_helpfulness_score", 0.2);
        Response found = sdk.post("/memories/search", payload);

        assertEquals(200, found.status(), found.body().toString());
        Map<String, Object> result = items(found.body(), "results").stream()
                .filter(r -> saved.get("id").equals(r.get("id"))).findFirst().orElseThrow();
        assertEquals("Weighted check: Kafka retention is seven days", result.get("text"));
        assertEquals("api", result.get("source"));
        assertEquals("default", result.get("project_id"));
        assertEquals(List.of("kafka"), result.get("tags"));
        assertEquals(Map.of("team", "data"), result.get("metadata"));
        assertEquals(saved.get("created_at"), result.get("created_at"));
        double relevance = number(result.get("relevance_score"));
        assertTrue(relevance > 0);
        // Weighted by usage: 0.4 * similarity plus the three boosts (never used, helpfulness 0.5, weights 0.3/0.2/0.5).
        assertEquals(0.0, number(result.get("usage_boost")), 1e-9);
        assertEquals(0.25, number(result.get("helpfulness_boost")), 1e-9);
        assertEquals(0.0, number(result.get("recency_boost")), 1e-9);
        Map<String, Object> original = items(found.body(), "memories").stream()
                .filter(m -> saved.get("id").equals(m.get("id"))).findFirst().orElseThrow();
        assertEquals(relevance, number(original.get("weighted_score")), 1e-4, "the same score under both names");
    }

    @Test
    void get_returnsTheMemory() {
        String id = (String) save("Get check", null, null).get("id");
        Response read = sdk.get("/memories/" + id);

        assertEquals(200, read.status());
        assertEquals(id, read.body().get("id"));
        assertEquals("Get check", read.body().get("text"));
    }

    @Test
    void update_putsOnlyTheGivenFieldsAndAnswersTheMemory() {
        String id = (String) save("Update check", List.of("old"), Map.of("v", 1)).get("id");
        Response updated = sdk.put("/memories/" + id, Map.of("text", "Update check, edited", "tags", List.of("new")));

        assertEquals(200, updated.status());
        assertEquals("Update check, edited", updated.body().get("text"));
        assertEquals(List.of("new"), updated.body().get("tags"));
        assertEquals(Map.of("v", 1), updated.body().get("metadata"));
    }

    @Test
    void delete_answersSuccess() {
        String id = (String) save("Delete check", null, null).get("id");
        Response deleted = sdk.delete("/memories/" + id);

        assertEquals(200, deleted.status());
        assertEquals(true, deleted.body().get("success"));
        assertEquals(404, sdk.get("/memories/" + id).status());
    }

    @Test
    void health_answersStatusUnderApiV1() {
        Response health = sdk.get("/health");

        assertEquals(200, health.status());
        assertEquals("healthy", health.body().get("status"));
        assertNotNull(health.body().get("version"));
        assertNotNull(Instant.parse((String) health.body().get("timestamp")));
    }

    @Test
    void getRateLimit_answersLimitRemainingResetAndPercentUsed() {
        Response standing = sdk.get("/rate-limit");

        assertEquals(200, standing.status(), standing.body().toString());
        double limit = number(standing.body().get("limit"));
        double remaining = number(standing.body().get("remaining"));
        assertTrue(limit > 0 && remaining >= 0 && remaining <= limit);
        assertTrue(number(standing.body().get("reset")) >= 0);
        double percent = number(standing.body().get("percentUsed"));
        assertEquals(Math.round(1000 * (limit - remaining) / limit) / 10.0, percent, 0.05);
    }

    @Test
    void getRelationships_answersAnObjectWithCountAndRelationships() {
        Tenant own = fresh("relationships");
        String a = own.save("Service A calls service B", null);
        String b = own.save("Service B depends on Redis", null);
        own.relate(a, b, "related_to", 0.8);
        Response relationships = own.sdk.get("/relationships/memory/" + a);

        assertEquals(200, relationships.status(), relationships.body().toString());
        assertEquals(1, number(relationships.body().get("count")));
        Map<String, Object> edge = items(relationships.body(), "relationships").get(0);
        assertEquals(b, edge.get("related_memory_id"));
        assertEquals(a, relationships.body().get("memory_id"));
        assertEquals(a, relationships.body().get("memoryId"), "the original's camelCase name stays");
    }

    @Test
    void getGraphContext_answersNodesAndEdgesAtTopLevel() {
        Tenant own = fresh("graph");
        String a = own.save("Graph root", null);
        String b = own.save("Graph child", null);
        String c = own.save("Graph grandchild", null);
        own.relate(a, b, "related_to", 0.9);
        own.relate(b, c, "follows", 0.7);
        Response graph = own.sdk.get("/relationships/graph/" + a + "?depth=2");

        assertEquals(200, graph.status(), graph.body().toString());
        assertEquals(List.of(a, b, c), items(graph.body(), "nodes").stream().map(n -> n.get("id")).toList());
        assertEquals(2, items(graph.body(), "edges").size());
        assertEquals(a, graph.body().get("root_id"));
        assertEquals(2, number(graph.body().get("depth")));
        assertEquals(a, graph.body().get("rootMemoryId"), "the original's shape stays");
        assertEquals(3, items(object(graph.body().get("graph")), "nodes").size());
    }

    @Test
    void predictMemories_postsAJsonBodyAndReadsTheSdkFields() {
        Tenant own = fresh("predict");
        String recent = own.save("Predict check: the release checklist", null);
        String related = own.save("Predict check: sign the release build before upload", null);
        own.relate(recent, related, "follows", 1.0);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("limit", 10);
        payload.put("context", "release build signing");
        payload.put("recent_memory_ids", List.of(recent));
        Response predicted = own.sdk.post("/memories/predict", payload);

        assertEquals(200, predicted.status(), predicted.body().toString());
        Map<String, Object> prediction = items(predicted.body(), "predictions").get(0);
        assertEquals(related, prediction.get("id"));
        assertEquals("Predict check: sign the release build before upload", prediction.get("content"));
        double confidence = number(prediction.get("confidence_score"));
        assertTrue(confidence > 0 && confidence <= 1);
        assertInstanceOf(String.class, prediction.get("reasoning"));
        assertTrue(((String) prediction.get("reasoning")).contains("follows relationship"), (String) prediction.get("reasoning"));
        assertInstanceOf(Map.class, prediction.get("metadata"));
        assertEquals(related, prediction.get("memory_id"), "the original's fields stay beside");
        assertEquals(confidence, number(prediction.get("confidence")));
    }

    @Test
    void suggestMemories_readsTheSdkFieldsBesideTheOriginals() {
        Tenant own = fresh("suggest");
        String id = own.save("Suggest check: rotate the TLS certificates every 60 days", null);
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("context", "TLS certificates rotation");
        payload.put("limit", 5);
        payload.put("min_confidence", 0.1);
        payload.put("include_reasoning", true);
        Response suggested = own.sdk.post("/memories/suggest", payload);

        assertEquals(200, suggested.status(), suggested.body().toString());
        Map<String, Object> suggestion = items(suggested.body(), "suggestions").get(0);
        assertEquals(id, suggestion.get("id"));
        assertEquals("Suggest check: rotate the TLS certificates every 60 days", suggestion.get("content"));
        assertEquals(number(suggestion.get("suggestion_score")), number(suggestion.get("confidence")));
        assertInstanceOf(String.class, suggestion.get("relevance_context"));
        assertTrue(((String) suggestion.get("relevance_context")).contains("semantic match"));
        assertEquals(id, suggestion.get("memory_id"));
        // SuggestedMemory.reasoning: str; the SDK's users call sug.reasoning.lower().
        assertInstanceOf(String.class, suggestion.get("reasoning"));
        assertTrue(((String) suggestion.get("reasoning")).toLowerCase().contains("semantic match"));
        assertInstanceOf(Map.class, suggestion.get("reasoning_detail"), "the original's flags, under another name");
    }

    @Test
    void getLearningMetrics_readsTopLevelFieldsAndTrends() {
        Tenant own = fresh("metrics");
        String id = own.save("Metrics check", null);
        own.sdk.get("/memories/" + id);
        own.sdk.get("/memories/" + id);
        Response metrics = own.sdk.get("/learning/metrics?days=30");

        assertEquals(200, metrics.status(), metrics.body().toString());
        assertEquals(0.5, number(metrics.body().get("avg_helpfulness")));
        assertEquals(2, number(metrics.body().get("total_usage")));
        assertEquals(1, number(metrics.body().get("total_memories")));
        assertEquals(1, number(metrics.body().get("active_memories")));
        Map<String, Object> trends = object(metrics.body().get("trends"));
        assertEquals("stable", trends.get("helpfulness_trend"));
        assertEquals("increasing", trends.get("usage_trend"), "every read is in the newer half of the window");
        assertEquals(1.0, number(trends.get("growth_rate")), "all memories are new in the window");
        Map<String, Object> stats = object(metrics.body().get("current_stats"));
        assertEquals(2, number(stats.get("total_usage")), "the original's nesting stays");
    }

    @Test
    void getPatterns_answersTheOriginalsPatternsWithUnderutilizedTexts() {
        Tenant own = fresh("patterns");
        own.save("Patterns check: never read", null);
        Response patterns = own.sdk.get("/memories/meta/patterns?days=30");

        assertEquals(200, patterns.status());
        assertTrue(items(patterns.body(), "underutilized_memories").stream()
                .anyMatch(m -> "Patterns check: never read".equals(m.get("text"))));
        // Read with .get(key, []): an empty list may be left out. The original's types stay (see docs/sdk-compatibility.md).
        assertInstanceOf(List.class, patterns.body().getOrDefault("most_useful_tags", List.of()));
        assertInstanceOf(List.class, patterns.body().getOrDefault("frequently_accessed_together", List.of()));
        // Patterns.summary: str; the original's figures are summary_detail.
        assertInstanceOf(String.class, patterns.body().get("summary"));
        assertTrue(((String) patterns.body().get("summary")).startsWith("1 memories"), (String) patterns.body().get("summary"));
        assertEquals(1, number(object(patterns.body().get("summary_detail")).get("total_memories")));
    }

    @Test
    void errors_areNestedWithACodeTheSdkReads() {
        PythonSdk stranger = new PythonSdk(api, "rb_not_a_key");
        Response unauthorized = stranger.get("/memories");
        Response missing = sdk.get("/memories/00000000-0000-0000-0000-000000000000");
        Response invalid = sdk.post("/memories/search", Map.of("limit", 10));

        assertEquals(401, unauthorized.status());
        assertEquals("UNAUTHORIZED", unauthorized.errorCode());
        assertEquals(404, missing.status());
        assertEquals("NOT_FOUND", missing.errorCode());
        assertNotNull(missing.error().get("message"));
        assertNotNull(missing.error().get("requestId"));
        assertEquals(400, invalid.status());
        assertFalse(((String) invalid.error().get("message")).isBlank());
    }

    // --- a tenant of its own, for checks that count what a tenant has ---

    private Tenant fresh(String name) {
        Api.Tenant created = api.newTenant(name);
        return new Tenant(new PythonSdk(api, created.apiKey()));
    }

    private record Tenant(PythonSdk sdk) {
        String save(String text, String projectId) {
            Map<String, Object> payload = new HashMap<>();
            payload.put("text", text);
            payload.put("source", "api");
            payload.put("project_id", projectId == null ? "default" : projectId);
            Response saved = sdk.post("/memories", payload);
            assertEquals(201, saved.status(), saved.body().toString());
            return (String) saved.body().get("id");
        }

        void learn(String text) {
            Response learned = sdk.post("/memories/learn", Map.of("text", text, "source", "python-sdk"));
            assertEquals(201, learned.status(), learned.body().toString());
        }

        /** Relationships have no SDK method; they are made through the service's own route. */
        void relate(String from, String to, String type, double strength) {
            Response created = sdk.post("/relationships", Map.of("memory_id", from, "related_memory_id", to,
                    "relationship_type", type, "strength", strength));
            assertEquals(201, created.status(), created.body().toString());
        }
    }
}
