package io.recallbricks.cache;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * Cache configuration: {@code CACHE_ENABLED}, {@code CACHE_TTL} (seconds), {@code MAX_CACHE_SIZE} or its alias
 * {@code CACHE_MAX_KEYS}, {@code AUTH_CACHE_TTL_SECONDS} and {@code AUTH_NEGATIVE_CACHE_SECONDS}.
 */
@ConfigurationProperties("recallbricks.cache")
public record CacheSettings(boolean enabled, int ttlSeconds, int maxSize, int maxKeys, int authTtlSeconds,
                            int authNegativeTtlSeconds) {

    public Duration ttl() {
        return Duration.ofSeconds(ttlSeconds);
    }

    /** CACHE_MAX_KEYS when set, else MAX_CACHE_SIZE. */
    public int capacity() {
        return maxKeys > 0 ? maxKeys : maxSize;
    }

    public Duration authNegativeTtl() {
        return Duration.ofSeconds(authNegativeTtlSeconds);
    }

    public Duration authTtl() {
        return Duration.ofSeconds(Math.min(authTtlSeconds, ttlSeconds));
    }
}
