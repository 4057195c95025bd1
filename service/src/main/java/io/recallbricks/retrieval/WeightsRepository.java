package io.recallbricks.retrieval;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.recallbricks.resilience.DatabaseGuarded;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.UUID;

/** Reads a user's adaptive weights (feedback writes them, through update_learning_params). */
@Singleton
@Connectable
@DatabaseGuarded
public class WeightsRepository {

    private final JdbcOperations jdbc;

    public WeightsRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public Weights weights(UUID userId) {
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
