package io.recallbricks.bench.standins;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.recallbricks.embedding.Embedder;
import io.recallbricks.embedding.EmbeddingSettings;
import io.recallbricks.resilience.BreakerSettings;
import io.recallbricks.resilience.Breakers;

/**
 * The service's own objects, built by hand the way its bean context builds them, with the defaults of
 * {@code EnvironmentConfig}, and with no I/O behind them (see the stand-ins in this package).
 */
public final class ServiceParts {

    private ServiceParts() {
    }

    /** The breakers with the guide's defaults (DB 5, OpenAI 3 consecutive failures, 30 s open). */
    public static Breakers breakers() {
        return new Breakers(new BreakerSettings(true, 5, 3, 30), new SimpleMeterRegistry());
    }

    public static EmbeddingSettings embeddingSettings(int dimensions, int cacheSize) {
        return new EmbeddingSettings("bench-not-a-key", "http://127.0.0.1:9/v1", "text-embedding-3-small", dimensions,
                1000, 1500, 3000, 10000, 3, 200, 100, cacheSize, 100, 5, 30);
    }

    /** The service's Embedder (cache, counters, budgets) in front of {@link FixedEmbeddingClient}. */
    public static Embedder embedder(int dimensions, int cacheSize) {
        EmbeddingSettings settings = embeddingSettings(dimensions, cacheSize);
        Breakers breakers = breakers();
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        return new Embedder(settings, new FixedEmbeddingClient(settings, breakers, meters), breakers, meters);
    }
}
