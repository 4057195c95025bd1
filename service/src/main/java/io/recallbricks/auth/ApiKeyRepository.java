package io.recallbricks.auth;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.connection.annotation.Connectable;
import io.recallbricks.resilience.DatabaseGuarded;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The api_keys table. */
@Singleton
@Connectable
@DatabaseGuarded
public class ApiKeyRepository {

    /** What authentication needs to know about a presented key. */
    public record StoredKey(UUID id, UUID userId, Instant revokedAt) {
        boolean isRevokedAt(Instant now) {
            return revokedAt != null && !revokedAt.isAfter(now);
        }
    }

    /** A key as an operator sees it: never the secret, never the hash. */
    public record KeyListing(UUID id, UUID userId, String name, String prefix, Instant createdAt,
                             Instant lastUsedAt, Instant revokedAt) {
    }

    private static final String LISTING_COLUMNS = "id, user_id, name, key_prefix, created_at, last_used_at, revoked_at";

    private final JdbcOperations jdbc;

    public ApiKeyRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<StoredKey> findByHash(byte[] hash) {
        return jdbc.prepareStatement("SELECT id, user_id, revoked_at FROM api_keys WHERE key_hash = ?", statement -> {
            statement.setBytes(1, hash);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredKey(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class),
                        instant(rows, 3)));
            }
        });
    }

    public KeyListing insert(UUID userId, String name, ApiKeys.NewKey key) {
        return jdbc.prepareStatement("INSERT INTO api_keys (user_id, name, key_prefix, key_hash) VALUES (?, ?, ?, ?) "
                + "RETURNING " + LISTING_COLUMNS, statement -> {
            statement.setObject(1, userId);
            statement.setString(2, name);
            statement.setString(3, key.prefix());
            statement.setBytes(4, key.hash());
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return listing(rows);
            }
        });
    }

    public Optional<KeyListing> findById(UUID keyId) {
        return jdbc.prepareStatement("SELECT " + LISTING_COLUMNS + " FROM api_keys WHERE id = ?", statement -> {
            statement.setObject(1, keyId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(listing(rows)) : Optional.empty();
            }
        });
    }

    public List<KeyListing> findByUser(UUID userId) {
        return jdbc.prepareStatement("SELECT " + LISTING_COLUMNS + " FROM api_keys WHERE user_id = ? ORDER BY created_at",
                statement -> {
                    statement.setObject(1, userId);
                    List<KeyListing> keys = new ArrayList<>();
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            keys.add(listing(rows));
                        }
                    }
                    return keys;
                });
    }

    /** Revokes a key at the given time, unless it is already revoked earlier. Returns the key as it now stands. */
    public Optional<KeyListing> revoke(UUID keyId, Instant at) {
        return jdbc.prepareStatement("UPDATE api_keys SET revoked_at = least(coalesce(revoked_at, ?), ?) WHERE id = ? "
                + "RETURNING " + LISTING_COLUMNS, statement -> {
            statement.setTimestamp(1, Timestamp.from(at));
            statement.setTimestamp(2, Timestamp.from(at));
            statement.setObject(3, keyId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(listing(rows)) : Optional.empty();
            }
        });
    }

    /** Moves last_used_at forward for many keys in one statement. */
    public void recordLastUsed(Map<UUID, Instant> lastUse) {
        if (lastUse.isEmpty()) {
            return;
        }
        jdbc.prepareStatement("UPDATE api_keys k SET last_used_at = greatest(k.last_used_at, u.used_at) "
                + "FROM unnest(?::uuid[], ?::timestamptz[]) AS u(id, used_at) WHERE k.id = u.id", statement -> {
            List<UUID> ids = new ArrayList<>(lastUse.keySet());
            Timestamp[] times = ids.stream().map(id -> Timestamp.from(lastUse.get(id))).toArray(Timestamp[]::new);
            statement.setArray(1, statement.getConnection().createArrayOf("uuid", ids.toArray()));
            statement.setArray(2, statement.getConnection().createArrayOf("timestamptz", times));
            return statement.executeUpdate();
        });
    }

    private static KeyListing listing(ResultSet rows) throws SQLException {
        return new KeyListing(rows.getObject("id", UUID.class), rows.getObject("user_id", UUID.class),
                rows.getString("name"), rows.getString("key_prefix"), instant(rows, "created_at"),
                instant(rows, "last_used_at"), instant(rows, "revoked_at"));
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        Timestamp value = rows.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }

    private static Instant instant(ResultSet rows, String column) throws SQLException {
        Timestamp value = rows.getTimestamp(column);
        return value == null ? null : value.toInstant();
    }
}
