package io.recallbricks.embedding;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
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

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A model that answers vectors of another size than OPENAI_EMBEDDING_DIMENSIONS: nothing of that size is stored or
 * ranked (the memory is kept, search answers from keywords) and the failure is counted as a bad response.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WrongDimensionsTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    FakeEmbeddingApi fake;

    @Override
    public Map<String, String> getProperties() {
        fake = FakeEmbeddings.start();
        // A model name the service does not send 'dimensions' for: the fake answers its full 1536.
        return TestService.properties(FakeEmbeddings.environment(fake, Map.of("OPENAI_EMBEDDING_MODEL", "custom-embedder")));
    }

    @AfterAll
    void stopFake() {
        fake.close();
    }

    @Test
    void vectorsOfTheWrongSizeAreRefusedNotStored() {
        Api api = new Api(http);
        Api.Tenant tenant = api.newTenant("dimensions");

        Api.Response created = api.send(HttpRequest.POST("/api/v1/memories", Map.of("text", "Vector size check")), tenant.apiKey());
        Api.Response search = api.send(HttpRequest.POST("/api/v1/memories/search", Map.of("query", "vector size")), tenant.apiKey());

        assertEquals(201, created.status());
        assertEquals(false, created.body().get("has_embedding"));
        assertEquals("keyword", search.body().get("search_method"));
        assertEquals(1, ((Number) search.body().get("count")).intValue());
        assertTrue(api.text(HttpRequest.GET("/metrics")).body().contains("embedding_requests_total{outcome=\"bad_response\""));
    }
}
