package io.recallbricks.retrieval;

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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Two instances on one database: B keeps the user's vectors in memory, and writes made through A (create, update,
 * delete) are seen by B's very next search, because every write moves the user's index version in PostgreSQL.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultiInstanceTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    FakeEmbeddingApi fake;
    Map<String, String> properties;
    EmbeddedServer instanceB;
    HttpClient clientB;
    Api a;
    Api b;
    Api.Tenant tenant;

    @Override
    public Map<String, String> getProperties() {
        fake = FakeEmbeddings.start();
        properties = TestService.properties(FakeEmbeddings.environment(fake, Map.of()));
        return properties;
    }

    @BeforeAll
    void startSecondInstance() {
        instanceB = ApplicationContext.run(EmbeddedServer.class, new HashMap<>(properties));
        clientB = instanceB.getApplicationContext().createBean(HttpClient.class, instanceB.getURL());
        a = new Api(http);
        b = new Api(clientB);
        tenant = a.newTenant("two-instances");
    }

    @AfterAll
    void stop() {
        clientB.close();
        instanceB.close();
        fake.close();
    }

    @Test
    void writesThroughOneInstanceAreSeenBySearchesThroughTheOther() {
        String first = create("Grafana alert routing sends pages to the on-call rotation");
        assertEquals(first, topThroughB("grafanna aletr routng"));

        String second = create("Terraform workspaces separate staging from production state");
        assertEquals(second, topThroughB("terrafrom worksapces"), "a memory created through A is ranked by B");

        Api.Response updated = a.send(HttpRequest.PUT("/api/v1/memories/" + second,
                Map.of("text", "Helm charts pin every image digest")), tenant.apiKey());
        assertEquals(200, updated.status());
        assertEquals(second, topThroughB("helmm chrats digset"), "B ranks the new text");

        assertEquals(200, a.send(HttpRequest.DELETE("/api/v1/memories/" + first), tenant.apiKey()).status());
        List<Object> ids = idsThroughB("grafanna aletr routng");
        assertFalse(ids.contains(first), "B no longer returns a memory deleted through A");
        assertTrue(b.text(HttpRequest.GET("/metrics")).body().contains("vector_index_refreshes_total{kind=\"delta\""),
                "B refreshed its copy with the changes, not by reloading");
    }

    private String create(String text) {
        Api.Response created = a.send(HttpRequest.POST("/api/v1/memories", Map.of("text", text)), tenant.apiKey());
        assertEquals(201, created.status());
        assertEquals(true, created.body().get("has_embedding"));
        return (String) created.body().get("id");
    }

    private Object topThroughB(String query) {
        List<Object> ids = idsThroughB(query);
        return ids.isEmpty() ? null : ids.get(0);
    }

    private List<Object> idsThroughB(String query) {
        Api.Response response = b.send(HttpRequest.POST("/api/v1/memories/search", Map.of("query", query)), tenant.apiKey());
        assertEquals(200, response.status());
        assertEquals("hybrid", response.body().get("search_method"));
        return HybridRankingTest.memories(response).stream().map(m -> m.get("id")).toList();
    }
}
