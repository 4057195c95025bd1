package io.recallbricks.memory;

import io.micronaut.context.annotation.ConfigurationProperties;

/** How long an {@code Idempotency-Key} is remembered ({@code IDEMPOTENCY_KEY_TTL_HOURS}). */
@ConfigurationProperties("recallbricks.idempotency")
public record IdempotencySettings(int ttlHours) {
}
