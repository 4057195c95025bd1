package io.recallbricks.learning;

import io.micronaut.context.annotation.ConfigurationProperties;

/** {@code CO_ACCESS_WINDOW_MINUTES}, {@code MAINTENANCE_REFRESH_SECONDS} (documented in EnvironmentConfig). */
@ConfigurationProperties("recallbricks.learning")
public record LearningSettings(int coAccessWindowMinutes, int maintenanceRefreshSeconds) {
}
