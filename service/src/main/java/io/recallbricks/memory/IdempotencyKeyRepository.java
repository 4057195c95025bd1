package io.recallbricks.memory;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.recallbricks.resilience.DatabaseGuarded;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/** The {@code memory_idempotency_keys} table: one row per (user, key) until it expires. */
@Singleton
@Connectable
@DatabaseGuarded
public class IdempotencyKeyRepository {

    /** A live key: the fingerprint of its first request and the memory that request created. */
    public record StoredKey(byte[] requestHash, UUID memoryId) {
    }

    private final JdbcOperations jdbc;

    public IdempotencyKeyRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The unexpired key, if any. */
    public Optional<StoredKey> find(UUID userId, String key) {
        return jdbc.prepareStatement("SELECT request_hash, memory_id FROM memory_idempotency_keys "
                + "WHERE user_id = ? AND idempotency_key = ? AND expires_at > now()", statement -> {
            statement.setObject(1, userId);
            statement.setString(2, key);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next()
                        ? Optional.of(new StoredKey(rows.getBytes(1), rows.getObject(2, UUID.class)))
                        : Optional.empty();
            }
        });
    }

    /**
     * Takes the key for this request, replacing an expired row. Returns false when a live row exists. A concurrent
     * claim of the same key that has not committed yet makes this statement wait for it (unique index), so two
     * racing requests can never both claim.
     */
    public boolean claim(UUID userId, String key, byte[] requestHash, Duration ttl) {
        return jdbc.prepareStatement("INSERT INTO memory_idempotency_keys (user_id, idempotency_key, request_hash, expires_at) "
                + "VALUES (?, ?, ?, now() + make_interval(secs => ?)) "
                + "ON CONFLICT (user_id, idempotency_key) DO UPDATE SET request_hash = EXCLUDED.request_hash, "
                + "memory_id = NULL, created_at = now(), expires_at = EXCLUDED.expires_at "
                + "WHERE memory_idempotency_keys.expires_at <= now()", statement -> {
            statement.setObject(1, userId);
            statement.setString(2, key);
            statement.setBytes(3, requestHash);
            statement.setLong(4, ttl.toSeconds());
            return statement.executeUpdate() == 1;
        });
    }

    public void attach(UUID userId, String key, UUID memoryId) {
        jdbc.prepareStatement("UPDATE memory_idempotency_keys SET memory_id = ? WHERE user_id = ? AND idempotency_key = ?",
                statement -> {
                    statement.setObject(1, memoryId);
                    statement.setObject(2, userId);
                    statement.setString(3, key);
                    return statement.executeUpdate();
                });
    }

    /** Deletes up to {@code batch} expired keys; returns how many. */
    public int deleteExpired(int batch) {
        return jdbc.prepareStatement("DELETE FROM memory_idempotency_keys WHERE ctid IN "
                + "(SELECT ctid FROM memory_idempotency_keys WHERE expires_at <= now() LIMIT ?)", statement -> {
            statement.setInt(1, batch);
            return statement.executeUpdate();
        });
    }
}
