package io.recallbricks.embedding;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.recallbricks.chaos.embeddings.FakeEmbeddingApi;
import io.recallbricks.resilience.Breakers;
import io.recallbricks.testing.Api;
import io.recallbricks.testing.FakeEmbeddings;
import io.recallbricks.testing.TestService;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One tenant's text that the embedding API refuses (400: longer than the model's context) is in the same backfill
 * batch as another tenant's memories: the batch is split until the refused memory is alone, the others are
 * embedded in the same run, and only the refused memory's attempt is counted.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BackfillIsolationTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    EmbeddingBackfill backfill;

    @Inject
    Breakers breakers;

    FakeEmbeddingApi fake;

    @Override
    public Map<String, String> getProperties() {
        fake = FakeEmbeddings.start();
        // The job runs only when the test calls it; texts up to 40,000 characters are accepted (the API takes ~32k).
        return TestService.properties(FakeEmbeddings.environment(fake, Map.of(
                "EMBEDDING_BACKFILL_INTERVAL_SECONDS", "3600",
                "MAX_MEMORY_TEXT_LENGTH", "40000")));
    }

    @AfterAll
    void stopFake() {
        fake.close();
    }

    @Test
    void aRefusedTextCostsOnlyItsOwnAttempt() {
        Api api = new Api(http);
        Api.Tenant careless = api.newTenant("careless");
        Api.Tenant bystander = api.newTenant("bystander");

        fake.faults().errors(1.0, List.of(503)); // every memory below is stored without its vector
        List<String> bystanderIds = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            bystanderIds.add(create(api, bystander, "Bystander note " + i + " about the release checklist"));
        }
        String tooLong = create(api, careless, "log line ".repeat(4000));
        bystanderIds.add(create(api, bystander, "Bystander note after the long one"));
        fake.faults().healthy();
        breakers.openai().reset();

        int embedded = backfill.runOnce();

        assertEquals(6, embedded, "every bystander memory embedded in the run that met the refused text");
        for (String id : bystanderIds) {
            assertEquals(true, read(api, bystander, id).get("has_embedding"), id);
        }
        assertEquals(false, read(api, careless, tooLong).get("has_embedding"));
        String metrics = api.text(HttpRequest.GET("/metrics")).body();
        assertTrue(metrics.contains("embedding_backfill_total{outcome=\"failed\"} 1.0"),
                "one failed attempt, the refused memory's own");
    }

    private static String create(Api api, Api.Tenant tenant, String text) {
        Api.Response created = api.send(HttpRequest.POST("/api/v1/memories", Map.of("text", text)), tenant.apiKey());
        assertEquals(201, created.status());
        assertEquals(false, created.body().get("has_embedding"));
        return (String) created.body().get("id");
    }

    private static Map<String, Object> read(Api api, Api.Tenant tenant, String id) {
        return api.send(HttpRequest.GET("/api/v1/memories/" + id), tenant.apiKey()).body();
    }
}
