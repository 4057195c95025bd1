package io.recallbricks.sla;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.util.Map;

/**
 * {@code SLA_AVAILABILITY_TARGET}, {@code SLA_ERROR_RATE_TARGET}, {@code SLA_P95_TARGET_MS} and
 * {@code SLA_P99_TARGET_MS}; the per-route p95 targets are the success criteria's own.
 */
@ConfigurationProperties("recallbricks.sla")
public record SlaSettings(double availabilityTarget, double errorRateTarget, int p95TargetMs, int p99TargetMs) {

    /** p95 targets of the success criteria, by route template (method-independent). */
    static final Map<String, Integer> ROUTE_P95_TARGETS_MS = Map.of(
            "/api/v1/memories/search", 300,
            "/api/v1/memories/suggest", 400,
            "/api/v1/memories/predict", 500);

    int p95TargetFor(String methodAndRoute) {
        String route = methodAndRoute.substring(methodAndRoute.indexOf(' ') + 1);
        return ROUTE_P95_TARGETS_MS.getOrDefault(route, p95TargetMs);
    }
}
