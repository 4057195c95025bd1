package io.recallbricks.bench.standins;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.recallbricks.cache.CacheSettings;
import io.recallbricks.embedding.Embedder;
import io.recallbricks.embedding.EmbeddingSettings;
import io.recallbricks.resilience.BreakerSettings;
import io.recallbricks.resilience.Breakers;

import java.util.Map;

/**
 * The service's own objects, built by hand the way its bean context builds them, configured by
 * {@code EnvironmentConfig} as the service is, and with no I/O behind them (see the stand-ins in this package).
 */
public final class ServiceParts {

    private ServiceParts() {
    }

    /** The breakers with the service's defaults (the guide's thresholds). */
    public static Breakers breakers() {
        return new Breakers(ServiceSettings.from(BreakerSettings.class, Map.of()), new SimpleMeterRegistry());
    }

    /**
     * The embedding settings the service has with these variables. The base URL is never called (the client is
     * a stand-in); it only switches embeddings on, as an operator's OPENAI_BASE_URL does.
     */
    public static EmbeddingSettings embeddingSettings(int dimensions) {
        return ServiceSettings.from(EmbeddingSettings.class, Map.of(
                "OPENAI_BASE_URL", "http://127.0.0.1:9/v1",
                "OPENAI_EMBEDDING_DIMENSIONS", String.valueOf(dimensions)));
    }

    /** The cache settings the service has with MAX_CACHE_SIZE set (the embeddings cache's capacity). */
    public static CacheSettings cacheSettings(int cacheSize) {
        return ServiceSettings.from(CacheSettings.class, Map.of("MAX_CACHE_SIZE", String.valueOf(cacheSize)));
    }

    /** The service's Embedder (cache, counters, budgets) in front of {@link FixedEmbeddingClient}. */
    public static Embedder embedder(int dimensions, int cacheSize) {
        EmbeddingSettings settings = embeddingSettings(dimensions);
        Breakers breakers = breakers();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        return new Embedder(settings, new FixedEmbeddingClient(settings, breakers, meters), cacheSettings(cacheSize), meters);
    }
}
