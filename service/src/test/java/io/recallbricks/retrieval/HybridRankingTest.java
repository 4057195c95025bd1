package io.recallbricks.retrieval;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.recallbricks.chaos.embeddings.FakeEmbeddingApi;
import io.recallbricks.embedding.Embedder;
import io.recallbricks.resilience.Breakers;
import io.recallbricks.testing.Api;
import io.recallbricks.testing.FakeEmbeddings;
import io.recallbricks.testing.TestService;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ranking on a small labelled set: each query has one relevant memory among unrelated ones. Half the queries are
 * misspelt (full-text search cannot match them; vectors of shared word pieces can), half use the memory's own words.
 * Hybrid must beat keyword-only on recall@5, and keyword-only must still find the exact-word queries.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HybridRankingTest implements TestPropertyProvider {

    static final Map<String, String> MEMORIES = new LinkedHashMap<>();
    static {
        MEMORIES.put("pg", "PostgreSQL replication uses streaming standbys with synchronous commit");
        MEMORIES.put("k8s", "Kubernetes autoscaling adds nodes when pods stay pending");
        MEMORIES.put("invoice", "Invoices are emailed to customers on the first business day");
        MEMORIES.put("react", "The dashboard frontend uses React with TypeScript");
        MEMORIES.put("kafka", "Kafka consumers commit offsets after processing each batch");
        MEMORIES.put("oauth", "Authentication uses OAuth tokens refreshed every hour");
        MEMORIES.put("backup", "Nightly backups are encrypted and copied to cold storage");
        MEMORIES.put("pricing", "Enterprise pricing includes volume discounts above ten seats");
        MEMORIES.put("deploy", "Deployments roll out gradually behind a feature flag");
        MEMORIES.put("cache", "Redis caching keeps session lookups under a millisecond");
        MEMORIES.put("lunch", "Lunch meetings happen on Thursdays in the big room");
        MEMORIES.put("plants", "The office plants need water every week");
        MEMORIES.put("retro", "Team retrospectives are held at the end of every sprint");
        MEMORIES.put("coffee", "The coffee machine on floor two is broken again");
        MEMORIES.put("holiday", "The holiday calendar was shared with everyone in March");
        MEMORIES.put("parking", "Parking permits renew every January at reception");
    }

    /** Query -> the label of its one relevant memory. */
    static final Map<String, String> MISSPELT = Map.of(
            "postgrsql replicaton", "pg",
            "kubrenetes autoscalling", "k8s",
            "invocies emialed", "invoice",
            "kafak consumres", "kafka",
            "redsi cahcing", "cache",
            "backpus encrytped", "backup");
    static final Map<String, String> EXACT = Map.of(
            "feature flag deployments", "deploy",
            "enterprise pricing discounts", "pricing",
            "typescript frontend", "react",
            "oauth tokens", "oauth");

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    Breakers breakers;

    @Inject
    Embedder embedder;

    FakeEmbeddingApi fake;
    Api api;
    Api.Tenant tenant;
    final Map<String, String> ids = new LinkedHashMap<>();

    @Override
    public Map<String, String> getProperties() {
        fake = FakeEmbeddings.start();
        // Breaker open long enough to stay open during the keyword-only pass.
        return TestService.properties(FakeEmbeddings.environment(fake, Map.of("CIRCUIT_BREAKER_OPEN_SECONDS", "60")));
    }

    @BeforeAll
    void seed() {
        api = new Api(http);
        tenant = api.newTenant("ranking");
        MEMORIES.forEach((label, text) -> {
            Api.Response created = api.send(HttpRequest.POST("/api/v1/memories", Map.of("text", text)), tenant.apiKey());
            assertEquals(201, created.status());
            assertEquals(true, created.body().get("has_embedding"), "embedded on create");
            ids.put(label, (String) created.body().get("id"));
        });
    }

    @AfterAll
    void stopFake() {
        fake.close();
    }

    @Test
    void hybridBeatsKeywordOnlyOnRecallAt5AndKeywordsStillFindExactWords() {
        Map<String, String> all = new LinkedHashMap<>(MISSPELT);
        all.putAll(EXACT);

        int hybridHits = 0;
        for (Map.Entry<String, String> query : all.entrySet()) {
            Api.Response response = search(query.getKey());
            assertEquals("hybrid", response.body().get("search_method"), query.getKey());
            hybridHits += top5(response).contains(ids.get(query.getValue())) ? 1 : 0;
        }

        // The embedding API fails: the breaker opens and search answers from keywords alone.
        fake.faults().errors(1.0, List.of(503));
        embedder.clearCache();
        int keywordHits = 0;
        int exactKeywordHits = 0;
        for (Map.Entry<String, String> query : all.entrySet()) {
            Api.Response response = search(query.getKey());
            assertEquals(200, response.status());
            assertEquals("keyword", response.body().get("search_method"), query.getKey());
            boolean hit = top5(response).contains(ids.get(query.getValue()));
            keywordHits += hit ? 1 : 0;
            exactKeywordHits += hit && EXACT.containsKey(query.getKey()) ? 1 : 0;
        }
        fake.faults().healthy();
        breakers.openai().reset();

        double hybridRecall = hybridHits / (double) all.size();
        double keywordRecall = keywordHits / (double) all.size();
        assertTrue(hybridRecall > keywordRecall, "hybrid recall@5 " + hybridRecall + " vs keyword " + keywordRecall);
        assertTrue(hybridRecall >= 0.9, "hybrid recall@5 " + hybridRecall);
        assertEquals(EXACT.size(), exactKeywordHits, "keyword-only finds every exact-word query");
    }

    @Test
    void resultsCarryTheirScoresAndFiltersApply() {
        Api.Response response = api.send(HttpRequest.POST("/api/v1/memories/search",
                Map.of("query", "postgrsql replicaton", "limit", 3)), tenant.apiKey());

        List<Map<String, Object>> memories = memories(response);
        assertEquals(3, memories.size());
        assertEquals(ids.get("pg"), memories.get(0).get("id"));
        double first = ((Number) memories.get(0).get("similarity")).doubleValue();
        double second = ((Number) memories.get(1).get("similarity")).doubleValue();
        assertTrue(first > second, "ranked by similarity");
        assertTrue(memories.get(0).containsKey("vector_similarity"));
        assertTrue(memories.get(0).containsKey("text"), "memory fields are inlined");

        Api.Response filtered = api.send(HttpRequest.POST("/api/v1/memories/search",
                Map.of("query", "postgrsql replicaton", "source", "nowhere")), tenant.apiKey());
        assertEquals(0, ((Number) filtered.body().get("count")).intValue());
    }

    @Test
    void weightingReportsItsFactorsAndMinHelpfulnessFiltersWithoutAFlag() {
        Api.Response weighted = api.send(HttpRequest.POST("/api/v1/memories/search",
                Map.of("query", "redis caching", "weight_by_usage", true, "decay_old_memories", true)), tenant.apiKey());
        Map<String, Object> top = memories(weighted).get(0);
        assertEquals(true, weighted.body().get("weighted"));
        assertTrue(top.containsKey("base_similarity"));
        assertTrue(top.containsKey("weighted_score"));
        assertEquals("unused", top.get("access_frequency"));

        Api.Response strict = api.send(HttpRequest.POST("/api/v1/memories/search",
                Map.of("query", "redis caching", "min_helpfulness_score", 0.9)), tenant.apiKey());
        assertEquals(200, strict.status());
        assertEquals(0, ((Number) strict.body().get("count")).intValue(), "every memory has helpfulness 0.5 < 0.9");
    }

    @Test
    void getSearchTakesQ() {
        Api.Response response = api.send(HttpRequest.GET("/api/v1/memories/search?q=oauth%20tokens&limit=2"), tenant.apiKey());

        assertEquals(200, response.status());
        assertEquals(ids.get("oauth"), memories(response).get(0).get("id"));
    }

    private Api.Response search(String query) {
        Api.Response response = api.send(HttpRequest.POST("/api/v1/memories/search", Map.of("query", query, "limit", 5)),
                tenant.apiKey());
        assertEquals(200, response.status(), response.toString());
        return response;
    }

    private static List<Object> top5(Api.Response response) {
        return memories(response).stream().limit(5).map(m -> m.get("id")).toList();
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> memories(Api.Response response) {
        return (List<Map<String, Object>>) response.body().get("memories");
    }
}
