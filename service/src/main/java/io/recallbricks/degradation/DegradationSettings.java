package io.recallbricks.degradation;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * {@code DEGRADATION_ENABLED}, {@code DEGRADATION_CAPACITY}, {@code DEGRADATION_HIGH_LOAD_THRESHOLD},
 * {@code DEGRADATION_CRITICAL_LOAD_THRESHOLD} and {@code DEGRADATION_RECOVERY_SECONDS}.
 */
@ConfigurationProperties("recallbricks.degradation")
public record DegradationSettings(boolean enabled, int capacity, double highThreshold, double criticalThreshold,
                                  int recoverySeconds) {
}
