package io.recallbricks.embedding;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.recallbricks.resilience.Breakers;
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
    private final EmbeddingClient client;
    private final Breakers breakers;
    private final Cache<Key, float[]> cache;
    private final Counter hits;
    private final Counter misses;
    private final CallBudget query;
    private final CallBudget write;
    private final CallBudget background;

    public Embedder(EmbeddingSettings settings, EmbeddingClient client, Breakers breakers, MeterRegistry meters) {
        this.settings = settings;
        this.client = client;
        this.breakers = breakers;
        this.cache = Caffeine.newBuilder().maximumSize(settings.cacheSize()).build();
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
        if (settings.enabled()) {
            LOG.info("Embeddings: model '{}' ({} dimensions) at {}", settings.model(), settings.dimensions(), settings.endpoint());
        } else {
            LOG.warn("Embeddings: keyword-only mode (neither OPENAI_API_KEY nor OPENAI_BASE_URL is set): search, "
                    + "predict and suggest rank with PostgreSQL full-text search only");
        }
    }

    public boolean enabled() {
        return settings.enabled();
    }

    public String model() {
        return settings.model();
    }

    public int dimensions() {
        return settings.dimensions();
    }

    /** What /health shows: {@code keyword-only}, {@code ok}, or the breaker state ({@code open}, {@code half_open}). */
    public String status() {
        if (!settings.enabled()) {
            return "keyword-only";
        }
        return switch (breakers.openai().getState()) {
            case CLOSED, DISABLED -> "ok";
            default -> breakers.openai().getState().name().toLowerCase(java.util.Locale.ROOT);
        };
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
        if (!settings.enabled()) {
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
        return new Key(settings.model(), settings.dimensions(), text);
    }

    /** Drops cached embeddings (tests and operators after a model change). */
    public void clearCache() {
        cache.invalidateAll();
    }
}
