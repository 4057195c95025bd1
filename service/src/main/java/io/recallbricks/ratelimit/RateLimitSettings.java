package io.recallbricks.ratelimit;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code RATE_LIMIT_ENABLED}, {@code RATE_LIMIT_WINDOW_MS}, {@code GLOBAL_RATE_LIMIT}, {@code USER_RATE_LIMIT},
 * {@code EXPENSIVE_RATE_LIMIT}, {@code CLIENT_RATE_LIMIT} and {@code REDIS_URL}.
 */
@ConfigurationProperties("recallbricks.rate-limit")
public record RateLimitSettings(boolean enabled, int windowMs, int globalLimit, int userLimit, int expensiveLimit,
                                int clientLimit, String redisUrl) {

    public Duration window() {
        return Duration.ofMillis(windowMs);
    }

    public boolean shared() {
        return redisUrl != null && !redisUrl.isBlank();
    }

    public int limit(Tier tier) {
        return switch (tier) {
            case GLOBAL -> globalLimit;
            case USER -> userLimit;
            case EXPENSIVE -> expensiveLimit;
            case CLIENT -> clientLimit;
        };
    }
}
