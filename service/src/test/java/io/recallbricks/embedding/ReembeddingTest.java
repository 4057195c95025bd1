package io.recallbricks.embedding;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.recallbricks.chaos.embeddings.FakeEmbeddingApi;
import io.recallbricks.testing.Api;
import io.recallbricks.testing.FakeEmbeddings;
import io.recallbricks.testing.TestService;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A model change: memories embedded by one model are not ranked by a service running another (keyword until
 * re-embedded), and the background job re-embeds them with the new model, resumably, a batch per run.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReembeddingTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    FakeEmbeddingApi fake;
    Map<String, String> properties;

    @Override
    public Map<String, String> getProperties() {
        fake = FakeEmbeddings.start();
        properties = TestService.properties(FakeEmbeddings.environment(fake, Map.of(
                "EMBEDDING_BACKFILL_INTERVAL_SECONDS", "3600", "EMBEDDING_BACKFILL_BATCH_SIZE", "2")));
        return properties;
    }

    @AfterAll
    void stopFake() {
        fake.close();
    }

    @Test
    void vectorsOfTheOldModelAreReembeddedNotCompared() {
        Api api = new Api(http);
        Api.Tenant tenant = api.newTenant("model-change");
        String target = null;
        for (String text : List.of("Grafana alert routing sends pages to the on-call rotation",
                "Terraform workspaces separate staging from production state",
                "Kafka consumer lag is graphed per partition")) {
            Api.Response created = api.send(HttpRequest.POST("/api/v1/memories", Map.of("text", text)), tenant.apiKey());
            assertEquals(true, created.body().get("has_embedding"));
            target = target == null ? (String) created.body().get("id") : target;
        }

        Map<String, Object> changed = new HashMap<>(properties);
        changed.put("recallbricks.embeddings.model", "text-embedding-3-small-v2");
        try (EmbeddedServer next = ApplicationContext.run(EmbeddedServer.class, changed);
             HttpClient client = next.getApplicationContext().createBean(HttpClient.class, next.getURL())) {
            Api nextApi = new Api(client);
            EmbeddingBackfill job = next.getApplicationContext().getBean(EmbeddingBackfill.class);

            Map<String, Object> before = search(nextApi, tenant, "grafanna aletr routng");
            assertEquals(0, ((List<?>) before.get("memories")).size(), "no vector of the old model is ranked");

            assertEquals(2, job.runOnce(), "one batch per run");
            assertEquals(1, job.runOnce(), "the next run resumes with what is left");
            assertEquals(0, job.runOnce());
            assertTrue(nextApi.text(HttpRequest.GET("/metrics")).body().contains("embedding_backfill_stale 0.0"),
                    "nothing left to re-embed");

            Map<String, Object> after = search(nextApi, tenant, "grafanna aletr routng");
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> memories = (List<Map<String, Object>>) after.get("memories");
            assertEquals("hybrid", after.get("search_method"));
            assertEquals(target, memories.get(0).get("id"), "found by its new vector despite the typos");
        }
    }

    private static Map<String, Object> search(Api api, Api.Tenant tenant, String query) {
        return api.send(HttpRequest.POST("/api/v1/memories/search", Map.of("query", query)), tenant.apiKey()).body();
    }
}
