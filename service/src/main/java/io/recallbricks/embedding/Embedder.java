package io.recallbricks.embedding;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.recallbricks.cache.CacheSettings;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Embeddings for the rest of the service: a cache in front of {@link EmbeddingClient}, batching, and the three
 * budgets a caller can ask for. Reads ({@link #forQuery}) and writes ({@link #forWrite}) never fail: they get an
 * empty result and carry on with keywords, or store the memory for {@link EmbeddingBackfill}.
 */
@Singleton
public class Embedder {

    private static final Logger LOG = LoggerFactory.getLogger(Embedder.class);

    /** What the embedding of a text depends on; a change of model or size never reuses a cached vector. */
    private record Key(String model, int dimensions, String text) {
    }

    private final EmbeddingSettings settings;
    private final EmbeddingProvider client;
    private final Cache<Key, float[]> cache;
    private final Counter hits;
    private final Counter misses;
    private final CallBudget query;
    private final CallBudget write;
    private final CallBudget background;

    public Embedder(EmbeddingSettings settings, EmbeddingProvider client, CacheSettings caches, MeterRegistry meters) {
        this.settings = settings;
        this.client = client;
        // CACHE_ENABLED and MAX_CACHE_SIZE, as every cache; no TTL: the embedding of a (model, size, text) never changes.
        this.cache = Caffeine.newBuilder().maximumSize(caches.enabled() ? caches.capacity() : 0).build();
        EmbeddingMeters.register(meters);
        this.hits = Counter.builder("cache.hits").tag("cache", "embeddings").register(meters);
        this.misses = Counter.builder("cache.misses").tag("cache", "embeddings").register(meters);
        // A read or a write may try twice within its budget (a quick 429/5xx retry); the job has the full budget.
        this.query = new CallBudget(2, Duration.ofMillis(settings.queryTimeoutMs()));
        this.write = new CallBudget(2, Duration.ofMillis(settings.writeTimeoutMs()));
        this.background = new CallBudget(settings.maxRetries() + 1,
                Duration.ofMillis((long) settings.requestTimeoutMs() * (settings.maxRetries() + 1) + 30_000));
    }

    @EventListener
    void announce(StartupEvent event) {
        switch (client.name()) {
            case "openai" -> LOG.info("Embeddings: model '{}' ({} dimensions) at {}", client.model(), client.dimensions(),
                    settings.endpoint());
            case "none" -> LOG.warn("Embeddings: keyword-only mode (EMBEDDING_PROVIDER=none): search, predict and "
                    + "suggest rank with PostgreSQL full-text search only");
            default -> LOG.info("Embeddings: in-process model '{}' ({} dimensions), loading in the background; until it "
                    + "is loaded retrieval answers from keywords", client.model(), client.dimensions());
        }
        client.start();
    }

    public boolean enabled() {
        return client.enabled();
    }

    /** The provider's name ({@code openai}, {@code local}, {@code none}). */
    public String provider() {
        return client.name();
    }

    public String model() {
        return client.model();
    }

    public int dimensions() {
        return client.dimensions();
    }

    /** What /health shows: {@code keyword-only}, {@code loading}, {@code ok}, or the 'openai' breaker state. */
    public String status() {
        return client.status();
    }

    /** The embedding of a search/predict/suggest query within the read budget, or empty (answer from keywords). */
    public Optional<float[]> forQuery(String text) {
        return single(text, query);
    }

    /** The embedding of a memory being written within the write budget, or empty (the backfill job fills it). */
    public Optional<float[]> forWrite(String text) {
        return single(text, write);
    }

    private Optional<float[]> single(String text, CallBudget budget) {
        if (!client.enabled()) {
            return Optional.empty();
        }
        try {
            return Optional.of(embed(List.of(text), budget).get(0));
        } catch (EmbeddingUnavailableException e) {
            LOG.debug("No embedding ({}): {}", e.reason().tag(), e.getMessage());
            return Optional.empty();
        }
    }

    /** Embeddings of many texts with the background budget, batched; throws when any batch fails. */
    public List<float[]> forBackground(List<String> texts) throws EmbeddingUnavailableException {
        return embed(texts, background);
    }

    private List<float[]> embed(List<String> texts, CallBudget budget) throws EmbeddingUnavailableException {
        float[][] result = new float[texts.size()][];
        Map<String, List<Integer>> missing = new LinkedHashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            float[] cached = cache.getIfPresent(key(texts.get(i)));
            if (cached != null) {
                hits.increment();
                result[i] = cached;
            } else {
                misses.increment();
                missing.computeIfAbsent(texts.get(i), t -> new ArrayList<>()).add(i);
            }
        }
        List<String> distinct = new ArrayList<>(missing.keySet());
        for (int from = 0; from < distinct.size(); from += settings.batchSize()) {
            List<String> batch = distinct.subList(from, Math.min(distinct.size(), from + settings.batchSize()));
            List<float[]> vectors = client.embed(batch, budget);
            for (int i = 0; i < batch.size(); i++) {
                cache.put(key(batch.get(i)), vectors.get(i));
                for (int position : missing.get(batch.get(i))) {
                    result[position] = vectors.get(i);
                }
            }
        }
        return List.of(result);
    }

    private Key key(String text) {
        return new Key(client.model(), client.dimensions(), text);
    }

    /** Drops cached embeddings (tests and operators after a model change). */
    public void clearCache() {
        cache.invalidateAll();
    }
}
