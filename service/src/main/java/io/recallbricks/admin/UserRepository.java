package io.recallbricks.admin;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.connection.annotation.Connectable;
import io.recallbricks.resilience.DatabaseGuarded;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** The users table: one row per tenant. */
@Singleton
@Connectable
@DatabaseGuarded
public class UserRepository {

    public record User(UUID id, String name, String email, String plan, Instant createdAt) {
    }

    private static final String COLUMNS = "id, name, email, plan, created_at";

    private final JdbcOperations jdbc;

    public UserRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public User insert(String name, String email, String plan) {
        return jdbc.prepareStatement("INSERT INTO users (name, email, plan) VALUES (?, ?, ?) RETURNING " + COLUMNS,
                statement -> {
                    statement.setString(1, name);
                    statement.setString(2, email);
                    statement.setString(3, plan);
                    try (ResultSet rows = statement.executeQuery()) {
                        rows.next();
                        return user(rows);
                    }
                });
    }

    public Optional<User> findById(UUID id) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM users WHERE id = ?", statement -> {
            statement.setObject(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(user(rows)) : Optional.empty();
            }
        });
    }

    public boolean emailTaken(String email) {
        return jdbc.prepareStatement("SELECT 1 FROM users WHERE email = ?", statement -> {
            statement.setString(1, email);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        });
    }

    private static User user(ResultSet rows) throws SQLException {
        return new User(rows.getObject("id", UUID.class), rows.getString("name"), rows.getString("email"),
                rows.getString("plan"), rows.getTimestamp("created_at").toInstant());
    }
}
