package io.recallbricks.retrieval;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.recallbricks.chaos.embeddings.FakeEmbeddingApi;
import io.recallbricks.testing.Api;
import io.recallbricks.testing.FakeEmbeddings;
import io.recallbricks.testing.FaultProxy;
import io.recallbricks.testing.TestDatabase;
import io.recallbricks.testing.TestService;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * Loading a user's vectors streams many rows; over a slow network the stream can outlast any single read's socket
 * timeout. VECTOR_LOAD_TIMEOUT_MS bounds it: past the deadline the load is abandoned (its connection aborted) and the
 * request gets a 503 it can retry, instead of an answer whenever the stream happens to end.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VectorLoadDeadlineTest implements TestPropertyProvider {

    private static final int MEMORIES = 200;

    @Inject
    @Client("/")
    HttpClient http;

    FakeEmbeddingApi fake;
    FaultProxy proxy;

    @Override
    public Map<String, String> getProperties() {
        fake = FakeEmbeddings.start();
        TestDatabase.Database database = TestDatabase.fresh();
        proxy = FaultProxy.to(database);
        Map<String, String> properties = new HashMap<>(TestService.properties(database.via(proxy.port()),
                FakeEmbeddings.environment(fake, Map.of(
                        "VECTOR_LOAD_TIMEOUT_MS", "2000",
                        "DB_SLOW_CALL_MS", "60000",
                        "RATE_LIMIT_ENABLED", "false"))));
        properties.put("micronaut.http.client.read-timeout", "60s");
        return properties;
    }

    @AfterAll
    void stop() throws IOException {
        proxy.close();
        fake.close();
    }

    @Test
    void aLoadThatOutlastsItsDeadlineIsAbandonedAndTheNextOneSucceeds() {
        Api api = new Api(http);
        Api.Tenant tenant = api.newTenant("slow-load");
        for (int i = 0; i < MEMORIES; i++) {
            Api.Response created = api.send(HttpRequest.POST("/api/v1/memories",
                    Map.of("text", "note " + i + " about deploying service " + (i % 17))), tenant.apiKey());
            assertEquals(201, created.status(), created.body().toString());
        }

        // 16 KB per 400 ms from the server: a small query takes one step, this user's ~200 KB of vectors a dozen.
        proxy.delay(400);
        Api.Response slow;
        try {
            slow = api.send(HttpRequest.POST("/api/v1/memories/search", Map.of("query", "deploying service 3")),
                    tenant.apiKey());
        } finally {
            proxy.pass();
        }
        assertEquals(503, slow.status(), slow.body().toString());
        assertEquals("DATABASE_UNAVAILABLE", slow.errorCode());
        assertNotNull(slow.raw().getHeaders().get("Retry-After"));

        Api.Response fast = api.send(HttpRequest.POST("/api/v1/memories/search", Map.of("query", "deploying service 3")),
                tenant.apiKey());
        assertEquals(200, fast.status(), fast.body().toString());
        assertEquals("hybrid", fast.body().get("search_method"));
    }
}
