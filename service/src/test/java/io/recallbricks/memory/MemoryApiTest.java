package io.recallbricks.memory;

import io.micronaut.http.HttpRequest;
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
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MemoryApiTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    Api api;
    Api.Tenant tenant;

    @Override
    public Map<String, String> getProperties() {
        return TestService.properties();
    }

    @BeforeAll
    void createTenant() {
        api = new Api(http);
        tenant = api.newTenant("memory-api");
    }

    private Response create(Map<String, Object> body) {
        return api.send(HttpRequest.POST("/api/v1/memories", body), tenant.apiKey());
    }

    @Test
    void createAppliesTheOriginalDefaultsAndAnswers201() {
        Response created = create(Map.of("text", "Decided to use PostgreSQL for the memory store"));

        assertEquals(201, created.status());
        Map<String, Object> memory = created.body();
        assertNotNull(memory.get("id"));
        assertEquals(tenant.userId().toString(), memory.get("user_id"));
        assertEquals("api", memory.get("source"));
        assertEquals("default", memory.get("project_id"));
        assertEquals(List.of(), memory.get("tags"));
        assertEquals(Map.of(), memory.get("metadata"));
        assertEquals(0, memory.get("usage_count"));
        assertEquals(0.5, ((Number) memory.get("helpfulness_score")).doubleValue());
        assertFalse(memory.containsKey("embedding"), "the embedding is never sent to clients");
        assertNotNull(Instant.parse((String) memory.get("created_at")));
    }

    @Test
    void getReturnsTheMemoryAndCountsTheAccess() {
        String id = (String) create(Map.of("text", "The deploy runs on Tuesdays", "tags", List.of("ops"))).body().get("id");

        Response first = api.send(HttpRequest.GET("/api/v1/memories/" + id + "?context=planning"), tenant.apiKey());
        Response second = api.send(HttpRequest.GET("/api/v1/memories/" + id + "?context=planning"), tenant.apiKey());

        assertEquals(200, first.status());
        assertEquals("The deploy runs on Tuesdays", first.body().get("text"));
        assertEquals(1, first.body().get("usage_count"));
        assertEquals(2, second.body().get("usage_count"));
        assertNotNull(second.body().get("last_accessed"));
        @SuppressWarnings("unchecked")
        Map<String, Object> learning = (Map<String, Object>) second.body().get("learning_metadata");
        assertEquals("low", learning.get("access_frequency"));
        assertEquals(1.0, ((Number) learning.get("recency_score")).doubleValue());
        assertEquals(0, learning.get("relationship_count"));
        @SuppressWarnings("unchecked")
        Map<String, Object> pattern = (Map<String, Object>) second.body().get("access_pattern");
        assertEquals(Map.of("planning", 2), pattern.get("contexts"), "contexts of access are recorded");
    }

    @Test
    void putMergesMetadataMaintainsUpdatedAtAndKeepsWhatWasNotSent() throws InterruptedException {
        Response created = create(Map.of("text", "Cache TTL is 300 seconds", "source", "notes",
                "metadata", Map.of("original_text", "cache ttl 300s", "author", "ana")));
        String id = (String) created.body().get("id");
        Thread.sleep(5);

        Response updated = api.send(HttpRequest.PUT("/api/v1/memories/" + id,
                Map.of("metadata", Map.of("author", "bo", "reviewed", true), "tags", List.of("cache", "config"))), tenant.apiKey());

        assertEquals(200, updated.status());
        assertEquals(Map.of("original_text", "cache ttl 300s", "author", "bo", "reviewed", true), updated.body().get("metadata"));
        assertEquals(List.of("cache", "config"), updated.body().get("tags"));
        assertEquals("Cache TTL is 300 seconds", updated.body().get("text"));
        assertEquals("notes", updated.body().get("source"));
        assertTrue(Instant.parse((String) updated.body().get("updated_at"))
                .isAfter(Instant.parse((String) created.body().get("updated_at"))));
    }

    @Test
    void deleteRemovesTheMemoryAndASecondDeleteIs404() {
        String id = (String) create(Map.of("text", "temporary")).body().get("id");

        Response deleted = api.send(HttpRequest.DELETE("/api/v1/memories/" + id), tenant.apiKey());
        Response again = api.send(HttpRequest.DELETE("/api/v1/memories/" + id), tenant.apiKey());
        Response read = api.send(HttpRequest.GET("/api/v1/memories/" + id), tenant.apiKey());

        assertEquals(200, deleted.status());
        assertEquals(true, deleted.body().get("success"));
        assertEquals(id, deleted.body().get("id"));
        assertEquals(404, again.status());
        assertEquals("NOT_FOUND", again.errorCode());
        assertEquals(404, read.status());
    }

    @Test
    void updateOfAMissingMemoryIs404NotA500() {
        Response response = api.send(HttpRequest.PUT("/api/v1/memories/00000000-0000-0000-0000-000000000001",
                Map.of("text", "x")), tenant.apiKey());

        assertEquals(404, response.status());
        assertEquals("NOT_FOUND", response.errorCode());
    }

    @Test
    void listPaginatesWithATotalAndFiltersByTagsSourceAndProject() {
        Api.Tenant own = api.newTenant("pagination");
        for (int i = 0; i < 7; i++) {
            api.send(HttpRequest.POST("/api/v1/memories", Map.of("text", "note " + i,
                    "tags", i % 2 == 0 ? List.of("even", "n") : List.of("odd", "n"),
                    "source", i < 3 ? "slack" : "api",
                    "project_id", i == 6 ? "apollo" : "default")), own.apiKey());
        }

        Response page1 = api.send(HttpRequest.GET("/api/v1/memories?limit=3"), own.apiKey());
        Response page3 = api.send(HttpRequest.GET("/api/v1/memories?limit=3&offset=6"), own.apiKey());
        Response even = api.send(HttpRequest.GET("/api/v1/memories?tags=even,n"), own.apiKey());
        Response slack = api.send(HttpRequest.GET("/api/v1/memories?source=slack"), own.apiKey());
        Response apollo = api.send(HttpRequest.GET("/api/v1/memories?project_id=apollo"), own.apiKey());

        assertEquals(3, page1.body().get("count"));
        assertEquals(7, page1.body().get("total"));
        assertEquals(true, page1.body().get("has_more"));
        assertEquals("note 6", firstText(page1), "newest first");
        assertEquals(1, page3.body().get("count"));
        assertEquals(false, page3.body().get("has_more"));
        assertEquals("note 0", firstText(page3));
        assertEquals(4, even.body().get("total"));
        assertEquals(3, slack.body().get("total"));
        assertEquals(1, apollo.body().get("total"));
    }

    @Test
    void aNewTextDropsTheStaleEmbeddingFlagButOtherEditsKeepIt() {
        String id = (String) create(Map.of("text", "first version")).body().get("id");

        Response retitled = api.send(HttpRequest.PUT("/api/v1/memories/" + id, Map.of("text", "second version")), tenant.apiKey());

        assertEquals("second version", retitled.body().get("text"));
        assertEquals(false, retitled.body().get("has_embedding"));
        assertNull(retitled.body().get("last_accessed"), "an edit is not an access");
    }

    @SuppressWarnings("unchecked")
    private static String firstText(Response page) {
        return (String) ((List<Map<String, Object>>) page.body().get("memories")).get(0).get("text");
    }
}
