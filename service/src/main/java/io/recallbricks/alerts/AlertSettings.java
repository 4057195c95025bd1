package io.recallbricks.alerts;

import io.micronaut.context.annotation.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code ALERT_EVALUATION_INTERVAL_SECONDS}, {@code ALERT_RATE_WINDOW_SECONDS}, {@code ALERT_FOR_SCALE} and
 * {@code ALERT_RESOLVED_RETENTION_MINUTES}.
 */
@ConfigurationProperties("recallbricks.alerts")
public record AlertSettings(int evaluationIntervalSeconds, int rateWindowSeconds, double forScale,
                            int resolvedRetentionMinutes) {

    Duration rateWindow() {
        return Duration.ofSeconds(rateWindowSeconds);
    }

    Duration scaled(Duration pendingFor) {
        return Duration.ofMillis(Math.round(pendingFor.toMillis() * forScale));
    }
}
