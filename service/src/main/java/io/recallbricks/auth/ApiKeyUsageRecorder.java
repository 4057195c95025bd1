package io.recallbricks.auth;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records when each key was last used without writing on every request (the original's awaited UPDATE on every
 * call made all traffic of one key contend for one row). Uses are collected in memory and written in one
 * statement per interval; a use that is lost in a crash costs at most one interval of precision.
 */
@Singleton
public class ApiKeyUsageRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyUsageRecorder.class);

    private final ApiKeyRepository keys;
    private final Map<UUID, Instant> pending = new ConcurrentHashMap<>();

    public ApiKeyUsageRecorder(ApiKeyRepository keys) {
        this.keys = keys;
    }

    public void recordUse(UUID keyId) {
        pending.put(keyId, Instant.now());
    }

    @Scheduled(fixedDelay = "${recallbricks.auth.last-used-flush-interval:30s}", initialDelay = "5s")
    public void flush() {
        if (pending.isEmpty()) {
            return;
        }
        Map<UUID, Instant> batch = new HashMap<>();
        for (UUID id : pending.keySet()) {
            Instant used = pending.remove(id);
            if (used != null) {
                batch.put(id, used);
            }
        }
        try {
            keys.recordLastUsed(batch);
        } catch (RuntimeException e) {
            // Keep the newest use of each key for the next attempt.
            batch.forEach((id, used) -> pending.merge(id, used, (a, b) -> a.isAfter(b) ? a : b));
            LOG.warn("Could not record API key usage ({} keys); will retry: {}", batch.size(), e.getMessage());
        }
    }

    @PreDestroy
    void flushOnShutdown() {
        flush();
    }
}
