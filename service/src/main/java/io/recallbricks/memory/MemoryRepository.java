package io.recallbricks.memory;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.connection.annotation.Connectable;
import io.recallbricks.embedding.StoredEmbedding;
import io.recallbricks.resilience.DatabaseGuarded;
import jakarta.inject.Singleton;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The memories table. Every statement is scoped by user_id: a memory of another tenant is indistinguishable from
 * one that does not exist.
 */
@Singleton
@Connectable
@DatabaseGuarded
public class MemoryRepository {

    public static final String COLUMNS = "id, user_id, text, source, project_id, tags, metadata, embedding IS NOT NULL AS has_embedding, "
            + "usage_count, last_accessed, helpfulness_score, access_pattern, created_at, updated_at";

    private final JdbcOperations jdbc;
    private final JsonColumns json;

    public MemoryRepository(JdbcOperations jdbc, JsonColumns json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** Inserts a memory with its embedding, or without one (null) for the backfill job to fill. */
    public Memory insert(UUID userId, MemoryDraft draft, StoredEmbedding embedding) {
        return jdbc.prepareStatement("INSERT INTO memories (user_id, text, source, project_id, tags, metadata, "
                + "embedding, embedding_model, embedding_dimensions) "
                + "VALUES (?, ?, ?, ?, ?, CAST(? AS jsonb), ?, ?, ?) RETURNING " + COLUMNS, statement -> {
            statement.setObject(1, userId);
            statement.setString(2, draft.text());
            statement.setString(3, draft.source());
            statement.setString(4, draft.projectId());
            statement.setArray(5, textArray(statement, draft.tags()));
            statement.setString(6, json.write(draft.metadata()));
            bindEmbedding(statement, 7, embedding);
            return single(statement).orElseThrow();
        });
    }

    private static int bindEmbedding(PreparedStatement statement, int first, StoredEmbedding embedding) throws SQLException {
        statement.setBytes(first, embedding == null ? null : embedding.bytes());
        statement.setString(first + 1, embedding == null ? null : embedding.model());
        if (embedding == null) {
            statement.setNull(first + 2, java.sql.Types.INTEGER);
        } else {
            statement.setInt(first + 2, embedding.dimensions());
        }
        return first + 3;
    }

    public Optional<Memory> find(UUID userId, UUID id) {
        return jdbc.prepareStatement("SELECT " + COLUMNS + " FROM memories WHERE id = ? AND user_id = ?", statement -> {
            statement.setObject(1, id);
            statement.setObject(2, userId);
            return single(statement);
        });
    }

    /** Counts one access of the memory (usage analytics) and returns it as it now stands. */
    public Optional<Memory> recordAccess(UUID userId, UUID id, String context) {
        return jdbc.prepareStatement("UPDATE memories SET usage_count = usage_count + 1, last_accessed = now(), "
                + "access_pattern = CASE WHEN CAST(? AS text) IS NULL THEN access_pattern ELSE jsonb_set(access_pattern, '{contexts}', "
                + "coalesce(access_pattern -> 'contexts', '{}'::jsonb) || jsonb_build_object(CAST(? AS text), "
                + "coalesce((access_pattern -> 'contexts' ->> CAST(? AS text))::integer, 0) + 1)) END "
                + "WHERE id = ? AND user_id = ? RETURNING " + COLUMNS, statement -> {
            statement.setString(1, context);
            statement.setString(2, context);
            statement.setString(3, context);
            statement.setObject(4, id);
            statement.setObject(5, userId);
            return single(statement);
        });
    }

    public MemoryPage page(UUID userId, MemoryQuery query) {
        Filter filter = Filter.of(userId, query);
        long total = jdbc.prepareStatement("SELECT count(*) FROM memories WHERE " + filter.where(), statement -> {
            filter.bind(statement, 1);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        });
        List<Memory> memories = jdbc.prepareStatement("SELECT " + COLUMNS + " FROM memories WHERE " + filter.where()
                + " ORDER BY " + query.order().sql() + " LIMIT ? OFFSET ?", statement -> {
            int next = filter.bind(statement, 1);
            statement.setInt(next, query.limit());
            statement.setInt(next + 1, query.offset());
            return list(statement);
        });
        return new MemoryPage(memories, total);
    }

    /**
     * Applies the changes that are present. A changed text gets {@code embedding} (that of the new text, or null
     * for the backfill job); an unchanged text keeps the embedding it has.
     */
    public Optional<Memory> update(UUID userId, UUID id, MemoryChanges changes, StoredEmbedding embedding) {
        List<String> assignments = new ArrayList<>();
        if (changes.text() != null) {
            assignments.add("embedding = CASE WHEN text = ? THEN embedding ELSE ? END");
            assignments.add("embedding_model = CASE WHEN text = ? THEN embedding_model ELSE ? END");
            assignments.add("embedding_dimensions = CASE WHEN text = ? THEN embedding_dimensions ELSE CAST(? AS integer) END");
            assignments.add("embedding_attempts = CASE WHEN text = ? THEN embedding_attempts ELSE 0 END");
            assignments.add("embedding_next_attempt_at = CASE WHEN text = ? THEN embedding_next_attempt_at END");
            assignments.add("text = ?");
        }
        if (changes.source() != null) {
            assignments.add("source = ?");
        }
        if (changes.projectId() != null) {
            assignments.add("project_id = ?");
        }
        if (changes.tags() != null) {
            assignments.add("tags = ?");
        }
        if (changes.metadataPatch() != null) {
            assignments.add("metadata = metadata || CAST(? AS jsonb)");
        }
        String sql = "UPDATE memories SET " + String.join(", ", assignments) + " WHERE id = ? AND user_id = ? RETURNING " + COLUMNS;
        return jdbc.prepareStatement(sql, statement -> {
            int i = 1;
            if (changes.text() != null) {
                statement.setString(i++, changes.text());
                statement.setBytes(i++, embedding == null ? null : embedding.bytes());
                statement.setString(i++, changes.text());
                statement.setString(i++, embedding == null ? null : embedding.model());
                statement.setString(i++, changes.text());
                if (embedding == null) {
                    statement.setNull(i++, java.sql.Types.INTEGER);
                } else {
                    statement.setInt(i++, embedding.dimensions());
                }
                statement.setString(i++, changes.text());
                statement.setString(i++, changes.text());
                statement.setString(i++, changes.text());
            }
            if (changes.source() != null) {
                statement.setString(i++, changes.source());
            }
            if (changes.projectId() != null) {
                statement.setString(i++, changes.projectId());
            }
            if (changes.tags() != null) {
                statement.setArray(i++, textArray(statement, changes.tags()));
            }
            if (changes.metadataPatch() != null) {
                statement.setString(i++, json.write(changes.metadataPatch()));
            }
            statement.setObject(i++, id);
            statement.setObject(i, userId);
            return single(statement);
        });
    }

    public boolean delete(UUID userId, UUID id) {
        return jdbc.prepareStatement("DELETE FROM memories WHERE id = ? AND user_id = ?", statement -> {
            statement.setObject(1, id);
            statement.setObject(2, userId);
            return statement.executeUpdate() == 1;
        });
    }

    /** Id, text and creation time of some memories of the user (graph nodes, reports). */
    public record Summary(UUID id, String text, Instant createdAt) {
    }

    public List<Summary> summaries(UUID userId, List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.prepareStatement("SELECT id, text, created_at FROM memories WHERE user_id = ? AND id = ANY(?)", statement -> {
            statement.setObject(1, userId);
            statement.setArray(2, statement.getConnection().createArrayOf("uuid", ids.toArray()));
            List<Summary> summaries = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    summaries.add(new Summary(rows.getObject(1, UUID.class), rows.getString(2), instant(rows.getTimestamp(3))));
                }
            }
            return summaries;
        });
    }

    public int countRelationships(UUID userId, UUID id) {
        return jdbc.prepareStatement("SELECT count(*) FROM memory_relationships WHERE memory_id = ? AND user_id = ?",
                statement -> {
                    statement.setObject(1, id);
                    statement.setObject(2, userId);
                    try (ResultSet rows = statement.executeQuery()) {
                        rows.next();
                        return rows.getInt(1);
                    }
                });
    }

    /** The optional filters of a listing, as SQL and its parameters in order. */
    private record Filter(UUID userId, String[] tags, String source, String projectId) {

        static Filter of(UUID userId, MemoryQuery query) {
            String[] tags = query.tags() == null || query.tags().isEmpty() ? null : query.tags().toArray(String[]::new);
            return new Filter(userId, tags, query.source(), query.projectId());
        }

        String where() {
            StringBuilder where = new StringBuilder("user_id = ?");
            if (tags != null) {
                where.append(" AND tags @> ?");
            }
            if (source != null) {
                where.append(" AND source = ?");
            }
            if (projectId != null) {
                where.append(" AND project_id = ?");
            }
            return where.toString();
        }

        /** Binds the parameters from position {@code first}; returns the next free position. */
        int bind(PreparedStatement statement, int first) throws SQLException {
            int i = first;
            statement.setObject(i++, userId);
            if (tags != null) {
                statement.setArray(i++, statement.getConnection().createArrayOf("text", tags));
            }
            if (source != null) {
                statement.setString(i++, source);
            }
            if (projectId != null) {
                statement.setString(i++, projectId);
            }
            return i;
        }
    }

    private static Array textArray(PreparedStatement statement, List<String> values) throws SQLException {
        return statement.getConnection().createArrayOf("text", values.toArray());
    }

    private Optional<Memory> single(PreparedStatement statement) throws SQLException {
        try (ResultSet rows = statement.executeQuery()) {
            return rows.next() ? Optional.of(map(rows)) : Optional.empty();
        }
    }

    private List<Memory> list(PreparedStatement statement) throws SQLException {
        List<Memory> memories = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                memories.add(map(rows));
            }
        }
        return memories;
    }

    public Memory map(ResultSet rows) throws SQLException {
        return new Memory(
                rows.getObject("id", UUID.class),
                rows.getObject("user_id", UUID.class),
                rows.getString("text"),
                rows.getString("source"),
                rows.getString("project_id"),
                Arrays.asList((String[]) rows.getArray("tags").getArray()),
                json.read(rows.getString("metadata")),
                rows.getBoolean("has_embedding"),
                rows.getInt("usage_count"),
                instant(rows.getTimestamp("last_accessed")),
                rows.getDouble("helpfulness_score"),
                json.read(rows.getString("access_pattern")),
                instant(rows.getTimestamp("created_at")),
                instant(rows.getTimestamp("updated_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
