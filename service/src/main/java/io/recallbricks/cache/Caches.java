package io.recallbricks.cache;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;

import java.time.Duration;

/** Creates the service's caches from one configuration ({@link CacheSettings}). */
@Singleton
public class Caches {

    private final CacheSettings settings;
    private final MeterRegistry registry;

    public Caches(CacheSettings settings, MeterRegistry registry) {
        this.settings = settings;
        this.registry = registry;
    }

    /** A cache named {@code name} in the metrics, with CACHE_TTL and the configured capacity. */
    public <K, V> MeteredCache<K, V> create(String name) {
        return create(name, settings.ttl());
    }

    public <K, V> MeteredCache<K, V> create(String name, Duration ttl) {
        return new MeteredCache<>(name, ttl, settings.capacity(), settings.enabled(), registry);
    }

    public CacheSettings settings() {
        return settings;
    }
}
