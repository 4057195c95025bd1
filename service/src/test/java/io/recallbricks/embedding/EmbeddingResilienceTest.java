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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedding API misbehaves (errors, hangs, 429s, an outage): search still answers 200 from keywords, the
 * client retries within its budget and honours Retry-After, the 'openai' breaker opens and recovers, and memories
 * stored during an outage are embedded by the background job afterwards.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddingResilienceTest implements TestPropertyProvider {

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

    @Override
    public Map<String, String> getProperties() {
        fake = FakeEmbeddings.start();
        return TestService.properties(FakeEmbeddings.environment(fake, Map.of(
                "OPENAI_QUERY_TIMEOUT_MS", "2000",
                "OPENAI_WRITE_TIMEOUT_MS", "2000",
                "OPENAI_FAILURE_THRESHOLD", "3",
                "EMBEDDING_BACKFILL_INTERVAL_SECONDS", "1",
                "EMBEDDING_BACKFILL_RETRY_DELAY_SECONDS", "1")));
    }

    @BeforeAll
    void seed() {
        api = new Api(http);
        tenant = api.newTenant("resilience");
        String id = (String) create("The billing service retries failed card payments three times").body().get("id");
        // The first call may miss the write budget on a cold, busy machine; the backfill job fills it then.
        Api.Response read = eventually(() -> api.send(HttpRequest.GET("/api/v1/memories/" + id), tenant.apiKey()),
                response -> Boolean.TRUE.equals(response.body().get("has_embedding")), Duration.ofSeconds(20));
        assertEquals(true, read.body().get("has_embedding"));
    }

    @BeforeEach
    void healthy() {
        fake.faults().healthy();
        fake.faults().resetCounters();
        breakers.openai().reset();
        embedder.clearCache();
    }

    @AfterAll
    void stopFake() {
        fake.close();
    }

    @Test
    void serverErrorsAreRetriedOnceWithinTheQueryBudgetThenSearchAnswersFromKeywords() {
        fake.faults().errors(1.0, List.of(500, 503));

        Api.Response response = search("billing payments");

        assertEquals(200, response.status());
        assertEquals("keyword", response.body().get("search_method"));
        assertEquals(1, ((Number) response.body().get("count")).intValue(), "the keyword match is found");
        assertEquals(2, fake.faults().counters().received(), "one retry after the first 5xx");
    }

    @Test
    void aHangingApiCostsOnlyTheQueryBudget() {
        fake.faults().hang(1.0);

        Api.Response response = search("billing payments");

        assertEquals(200, response.status());
        assertEquals("keyword", response.body().get("search_method"));
        assertEquals(1, fake.faults().counters().received(), "the budget was spent on the first attempt");
    }

    @Test
    void aRetryAfterLongerThanTheBudgetIsNotWaitedFor() {
        fake.faults().rateLimit(1.0, 30);

        Api.Response response = search("billing payments");

        assertEquals(200, response.status());
        assertEquals("keyword", response.body().get("search_method"));
        assertEquals(1, fake.faults().counters().received(), "no retry: Retry-After exceeds the query budget");
    }

    @Test
    void aRetryAfterWithinTheBudgetIsWaitedForBeforeTheRetry() {
        fake.faults().rateLimit(1.0, 1);

        long started = System.nanoTime();
        Api.Response response = search("billing payments");
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        assertEquals(200, response.status());
        assertEquals("keyword", response.body().get("search_method"));
        assertEquals(2, fake.faults().counters().received(), "retried once, after the server's Retry-After");
        assertTrue(took.compareTo(Duration.ofSeconds(1)) >= 0, "waited Retry-After (1 s) before retrying: " + took);
    }

    @Test
    void theBreakerOpensAfterConsecutiveFailuresStopsCallingAndRecovers() {
        fake.faults().errors(1.0, List.of(503));
        search("first");
        search("second");
        assertEquals("open", health());

        fake.faults().resetCounters();
        Api.Response refused = search("third");
        assertEquals("keyword", refused.body().get("search_method"));
        assertEquals(0, fake.faults().counters().received(), "an open breaker does not call the API");

        fake.faults().healthy();
        Api.Response recovered = eventually(() -> search("billing payments"),
                response -> "hybrid".equals(response.body().get("search_method")), Duration.ofSeconds(15));
        assertEquals("hybrid", recovered.body().get("search_method"));
        assertTrue(metrics().contains("embedding_requests_total{outcome=\"breaker_open\""), "refusals are counted");
    }

    @Test
    void aMemoryStoredDuringAnOutageIsEmbeddedByTheBackgroundJobAfterwards() {
        fake.faults().errors(1.0, List.of(503));
        Api.Response created = create("Quarterly audit checklist lives in the compliance wiki");
        assertEquals(201, created.status(), "stored and acknowledged during the outage");
        assertEquals(false, created.body().get("has_embedding"));
        String id = (String) created.body().get("id");

        fake.faults().healthy();
        Api.Response read = eventually(() -> api.send(HttpRequest.GET("/api/v1/memories/" + id), tenant.apiKey()),
                response -> Boolean.TRUE.equals(response.body().get("has_embedding")), Duration.ofSeconds(20));
        assertEquals(true, read.body().get("has_embedding"), "filled in by the backfill job");

        Api.Response found = search("quartely audti");
        assertEquals("hybrid", found.body().get("search_method"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> memories = (List<Map<String, Object>>) found.body().get("memories");
        assertEquals(id, memories.get(0).get("id"), "found by its vector despite the typos");
        assertTrue(metrics().contains("embedding_backfill_total{outcome=\"embedded\""));
    }

    @Test
    void embeddingMetricsAreExported() {
        search("billing");
        search("billing");

        String metrics = metrics();
        assertTrue(metrics.contains("embedding_requests_total{outcome=\"success\""), "request outcomes");
        assertTrue(metrics.contains("embedding_request_duration_seconds_bucket"), "duration histogram");
        assertTrue(metrics.contains("cache_hits_total{cache=\"embeddings\""), "cache hits");
        assertTrue(metrics.contains("cache_misses_total{cache=\"embeddings\""), "cache misses");
    }

    private Api.Response create(String text) {
        return api.send(HttpRequest.POST("/api/v1/memories", Map.of("text", text)), tenant.apiKey());
    }

    private Api.Response search(String query) {
        return api.send(HttpRequest.POST("/api/v1/memories/search", Map.of("query", query)), tenant.apiKey());
    }

    private String health() {
        return (String) api.send(HttpRequest.GET("/health")).body().get("embeddings");
    }

    private String metrics() {
        return api.text(HttpRequest.GET("/metrics")).body();
    }

    private static Api.Response eventually(Supplier<Api.Response> call, java.util.function.Predicate<Api.Response> done,
                                           Duration limit) {
        Instant deadline = Instant.now().plus(limit);
        Api.Response last = call.get();
        while (!done.test(last) && Instant.now().isBefore(deadline)) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            last = call.get();
        }
        return last;
    }
}
