package io.recallbricks.memory;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Deletes expired idempotency keys in bounded batches. Expired rows are already ignored (and replaced) by the
 * create path, so this only keeps the table small; any instance may run it, concurrently.
 */
@Singleton
public class IdempotencyKeyCleanup {

    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyKeyCleanup.class);
    private static final int BATCH = 5_000;

    private final IdempotencyKeyRepository keys;

    public IdempotencyKeyCleanup(IdempotencyKeyRepository keys) {
        this.keys = keys;
    }

    @Scheduled(fixedDelay = "10m", initialDelay = "1m")
    public void deleteExpired() {
        try {
            int deleted = keys.deleteExpired(BATCH);
            if (deleted > 0) {
                LOG.info("Deleted {} expired idempotency keys", deleted);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not delete expired idempotency keys; will retry: {}", e.getMessage());
        }
    }
}
