package io.recallbricks.resilience;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * Breaker configuration ({@code CIRCUIT_BREAKER_ENABLED}, {@code DB_FAILURE_THRESHOLD},
 * {@code OPENAI_FAILURE_THRESHOLD}, {@code CIRCUIT_BREAKER_OPEN_SECONDS}, {@code DB_SLOW_CALL_MS},
 * {@code OPENAI_SLOW_CALL_MS}).
 */
@ConfigurationProperties("recallbricks.breakers")
public record BreakerSettings(boolean enabled, int databaseFailureThreshold, int openaiFailureThreshold, int openSeconds,
                              int databaseSlowCallMs, int openaiSlowCallMs) {
}
