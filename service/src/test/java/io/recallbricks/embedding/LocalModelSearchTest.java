package io.recallbricks.embedding;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.recallbricks.testing.Api;
import io.recallbricks.testing.TestService;
import io.recallbricks.testing.Waits;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The plain {@code java -jar} with only DATABASE_URL: no embedding API is configured, so the packaged local model
 * embeds, and search is hybrid and semantic: a paraphrase that shares no word with the memory finds it first among
 * unrelated memories. Until the model is loaded (in the background) retrieval says {@code keyword}.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LocalModelSearchTest implements TestPropertyProvider {

    static final String TARGET = "My daughter is allergic to peanuts, so pack her school lunches without nuts.";
    static final String PARAPHRASE = "Which foods could trigger a reaction in the child?";
    static final List<String> OTHERS = List.of(
            "The quarterly budget review moved to Thursday afternoon.",
            "Renew the car insurance before the end of March.",
            "The staging database runs PostgreSQL 15 on port 5433.",
            "Grandma's birthday party is at the lake house in June.",
            "Use the blue folder for tax receipts from last year.");

    @Inject
    @Client("/")
    HttpClient http;

    Api api;
    Api.Tenant tenant;

    @Override
    public Map<String, String> getProperties() {
        return TestService.defaults();
    }

    @BeforeAll
    void loadModel() {
        api = new Api(http);
        tenant = api.newTenant("local-model");
        Waits.until("the local model to load", Duration.ofSeconds(60),
                () -> "ok".equals(api.send(HttpRequest.GET("/health")).body().get("embeddings")));
    }

    @Test
    void theQueryAndTheMemoryShareNoWord() {
        assertTrue(words(TARGET).stream().noneMatch(words(PARAPHRASE)::contains), "the test's premise");
    }

    @Test
    void aParaphraseWithNoSharedWordIsFoundFirstByHybridSearch() {
        for (String text : OTHERS) {
            assertEquals(201, api.send(HttpRequest.POST("/api/v1/memories", Map.of("text", text)), tenant.apiKey()).status());
        }
        Api.Response created = api.send(HttpRequest.POST("/api/v1/memories", Map.of("text", TARGET)), tenant.apiKey());
        assertEquals(true, created.body().get("has_embedding"));

        Api.Response search = api.send(HttpRequest.POST("/api/v1/memories/search", Map.of("query", PARAPHRASE, "limit", 3)),
                tenant.apiKey());

        assertEquals("hybrid", search.body().get("search_method"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> memories = (List<Map<String, Object>>) search.body().get("memories");
        assertEquals(TARGET, memories.get(0).get("text"));
    }

    @Test
    void healthNamesTheProviderState() {
        assertEquals("ok", api.send(HttpRequest.GET("/health")).body().get("embeddings"));
    }

    private static Set<String> words(String text) {
        return List.of(text.toLowerCase(Locale.ROOT).split("[^a-z]+")).stream().filter(w -> !w.isEmpty())
                .collect(Collectors.toSet());
    }
}
