package io.recallbricks.observability;

import io.micronaut.context.annotation.ConfigurationProperties;

/** {@code METRICS_ALLOWED_NETWORKS} (comma-separated CIDRs) and {@code METRICS_TOKEN}. */
@ConfigurationProperties("recallbricks.metrics")
public record MetricsAccessSettings(String allowedNetworks, String token) {
}
