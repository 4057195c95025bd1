package io.recallbricks.relationship;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The memory_relationships table; every statement is scoped by user_id, and the composite foreign keys make an
 * edge between two tenants impossible to store.
 */
@Singleton
@Connectable
public class RelationshipRepository {

    static final String COLUMNS = "r.id, r.memory_id, r.related_memory_id, r.relationship_type, r.strength, r.explanation, r.origin, r.created_at";

    /** An edge seen from one of its ends, with the other end's text. */
    public record Neighbour(Relationship relationship, UUID otherId, String otherText, java.time.Instant otherCreatedAt) {
    }

    private final JdbcOperations jdbc;

    public RelationshipRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Inserts an edge unless the pair exists already; empty when it did. */
    public Optional<Relationship> insert(UUID userId, UUID from, UUID to, String type, double strength, String explanation,
                                         String origin) {
        return jdbc.prepareStatement("INSERT INTO memory_relationships AS r (user_id, memory_id, related_memory_id, "
                + "relationship_type, strength, explanation, origin) VALUES (?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (memory_id, related_memory_id) DO NOTHING RETURNING " + COLUMNS, statement -> {
            statement.setObject(1, userId);
            statement.setObject(2, from);
            statement.setObject(3, to);
            statement.setString(4, type);
            statement.setDouble(5, strength);
            statement.setString(6, explanation);
            statement.setString(7, origin);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(map(rows)) : Optional.empty();
            }
        });
    }

    /** Edges touching {@code memoryId} (either direction), strongest first. */
    public List<Neighbour> around(UUID userId, UUID memoryId, String type, double minStrength, int limit) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + ", o.id AS other_id, o.text AS other_text, o.created_at AS other_created "
                + "FROM memory_relationships r JOIN memories o ON o.user_id = r.user_id "
                + "AND o.id = CASE WHEN r.memory_id = ? THEN r.related_memory_id ELSE r.memory_id END "
                + "WHERE r.user_id = ? AND (r.memory_id = ? OR r.related_memory_id = ?) AND r.strength >= ? "
                + (type == null ? "" : "AND r.relationship_type = ? ")
                + "ORDER BY r.strength DESC, r.created_at DESC LIMIT ?", statement -> {
            int i = 1;
            statement.setObject(i++, memoryId);
            statement.setObject(i++, userId);
            statement.setObject(i++, memoryId);
            statement.setObject(i++, memoryId);
            statement.setDouble(i++, minStrength);
            if (type != null) {
                statement.setString(i++, type);
            }
            statement.setInt(i, limit);
            return neighbours(statement);
        });
    }

    /** Edges touching any of {@code frontier} with at least {@code minStrength}: one query per graph level. */
    public List<Relationship> touching(UUID userId, List<UUID> frontier, double minStrength, int limit) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM memory_relationships r WHERE r.user_id = ? "
                + "AND (r.memory_id = ANY(?) OR r.related_memory_id = ANY(?)) AND r.strength >= ? "
                + "ORDER BY r.strength DESC LIMIT ?", statement -> {
            java.sql.Array ids = statement.getConnection().createArrayOf("uuid", frontier.toArray());
            statement.setObject(1, userId);
            statement.setArray(2, ids);
            statement.setArray(3, ids);
            statement.setDouble(4, minStrength);
            statement.setInt(5, limit);
            return list(statement);
        });
    }

    /** Outgoing edges of {@code ids} with at least {@code minStrength} (suggest's related memories). */
    public List<Relationship> outgoing(UUID userId, List<UUID> ids, double minStrength) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM memory_relationships r WHERE r.user_id = ? "
                + "AND r.memory_id = ANY(?) AND r.strength >= ? ORDER BY r.strength DESC", statement -> {
            statement.setObject(1, userId);
            statement.setArray(2, statement.getConnection().createArrayOf("uuid", ids.toArray()));
            statement.setDouble(3, minStrength);
            return list(statement);
        });
    }

    public boolean delete(UUID userId, UUID id) {
        return jdbc.prepareStatement("DELETE FROM memory_relationships WHERE id = ? AND user_id = ?", statement -> {
            statement.setObject(1, id);
            statement.setObject(2, userId);
            return statement.executeUpdate() == 1;
        });
    }

    /** Per-type count and average strength of the user's edges. */
    public List<Object[]> typeStats(UUID userId) {
        return jdbc.prepareStatement("SELECT relationship_type, count(*), avg(strength) FROM memory_relationships "
                + "WHERE user_id = ? GROUP BY relationship_type ORDER BY relationship_type", statement -> {
            statement.setObject(1, userId);
            List<Object[]> stats = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    stats.add(new Object[]{rows.getString(1), rows.getLong(2), rows.getDouble(3)});
                }
            }
            return stats;
        });
    }

    private List<Neighbour> neighbours(PreparedStatement statement) throws SQLException {
        List<Neighbour> neighbours = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                Timestamp created = rows.getTimestamp("other_created");
                neighbours.add(new Neighbour(map(rows), rows.getObject("other_id", UUID.class), rows.getString("other_text"),
                        created == null ? null : created.toInstant()));
            }
        }
        return neighbours;
    }

    private List<Relationship> list(PreparedStatement statement) throws SQLException {
        List<Relationship> relationships = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                relationships.add(map(rows));
            }
        }
        return relationships;
    }

    static Relationship map(ResultSet rows) throws SQLException {
        return new Relationship(rows.getObject("id", UUID.class), rows.getObject("memory_id", UUID.class),
                rows.getObject("related_memory_id", UUID.class), rows.getString("relationship_type"),
                rows.getDouble("strength"), rows.getString("explanation"), rows.getString("origin"),
                rows.getTimestamp("created_at").toInstant());
    }
}
