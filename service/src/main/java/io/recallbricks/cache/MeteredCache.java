package io.recallbricks.cache;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * A bounded, expiring in-memory cache that counts its hits and misses as {@code cache_hits_total{cache}} and
 * {@code cache_misses_total{cache}} (the names the guide's LowCacheHitRate rule divides). Only present values are
 * cached; a lookup that finds nothing is asked again next time. When caching is disabled every lookup is a miss
 * that goes to the loader, so the counters still tell the truth.
 */
public final class MeteredCache<K, V> {

    private final Cache<K, V> cache;
    private final boolean enabled;
    private final Counter hits;
    private final Counter misses;

    MeteredCache(String name, Duration ttl, int capacity, boolean enabled, MeterRegistry registry) {
        this.cache = Caffeine.newBuilder()
                .expireAfterWrite(ttl)
                .maximumSize(capacity)
                .build();
        this.enabled = enabled;
        this.hits = Counter.builder("cache.hits").description("Cache lookups answered from the cache")
                .tag("cache", name).register(registry);
        this.misses = Counter.builder("cache.misses").description("Cache lookups that went to the source")
                .tag("cache", name).register(registry);
        Gauge.builder("cache.size", cache, Cache::estimatedSize).description("Entries in the cache")
                .tag("cache", name).register(registry);
    }

    /** The cached value, or the loader's answer (cached when present). */
    public Optional<V> get(K key, Function<K, Optional<V>> loader) {
        V cached = cache.getIfPresent(key);
        if (cached != null) {
            hits.increment();
            return Optional.of(cached);
        }
        misses.increment();
        Optional<V> loaded = loader.apply(key);
        if (enabled) {
            loaded.ifPresent(value -> cache.put(key, value));
        }
        return loaded;
    }

    /** The cached value (counted as a hit or a miss), for callers that load and store themselves. */
    public Optional<V> getIfPresent(K key) {
        V cached = cache.getIfPresent(key);
        (cached != null ? hits : misses).increment();
        return Optional.ofNullable(cached);
    }

    /** Peeks without counting: for checks made beside the lookup that counts. */
    public Optional<V> peek(K key) {
        return Optional.ofNullable(cache.getIfPresent(key));
    }

    public void put(K key, V value) {
        if (enabled) {
            cache.put(key, value);
        }
    }

    public void invalidate(K key) {
        cache.invalidate(key);
    }

    /** Drops every entry whose value matches, for writes that know the value but not its key. */
    public void invalidateValues(Predicate<V> matching) {
        cache.asMap().values().removeIf(matching);
    }

    public void invalidateAll() {
        cache.invalidateAll();
    }
}
