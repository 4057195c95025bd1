package io.recallbricks.retrieval;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.recallbricks.resilience.DatabaseGuarded;
import jakarta.inject.Singleton;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import java.sql.ResultSet;
import java.time.Duration;
import java.util.UUID;

/**
 * Reads a user's adaptive weights (feedback writes them, through update_learning_params), kept for
 * {@link #FRESHNESS} per user: a search, suggest or SDK route reads them once or twice per request, and they move
 * only on feedback. Feedback through this instance forgets the user's entry at once; feedback through another
 * instance shows here within {@link #FRESHNESS}.
 */
@Singleton
@Connectable
@DatabaseGuarded
public class WeightsRepository {

    private final JdbcOperations jdbc;

    public WeightsRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    static final Duration FRESHNESS = Duration.ofSeconds(1);

    private final Cache<UUID, Weights> recent = Caffeine.newBuilder().expireAfterWrite(FRESHNESS).maximumSize(10_000).build();

    public Weights weights(UUID userId) {
        Weights known = recent.getIfPresent(userId);
        if (known != null) {
            return known;
        }
        Weights read = read(userId);
        recent.put(userId, read);
        return read;
    }

    /** The user's weights changed through this instance. */
    public void forget(UUID userId) {
        recent.invalidate(userId);
    }

    private Weights read(UUID userId) {
        return jdbc.prepareStatement("SELECT usage_weight, recency_weight, helpfulness_weight, relationship_weight "
                + "FROM user_learning_params WHERE user_id = ?", statement -> {
            statement.setObject(1, userId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? new Weights(rows.getDouble(1), rows.getDouble(2), rows.getDouble(3), rows.getDouble(4))
                        : Weights.DEFAULT;
            }
        });
    }
}
