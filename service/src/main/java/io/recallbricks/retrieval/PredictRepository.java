package io.recallbricks.retrieval;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Predict's recorded signals in one statement: which of the client's recent ids the caller owns, what is
 * co-accessed with them, their outgoing relationships, and the temporal patterns matching now. All scoped by user.
 */
@Singleton
@Connectable
public class PredictRepository {

    /** One signal row: {@code kind} is owned, co_access, relationship or temporal. */
    public record Signal(String kind, UUID target, UUID source, double value, String label) {
    }

    /** A memory's fields predict shows. */
    public record Summary(UUID id, String text, double helpfulness, int usageCount) {
    }

    static final int MAX_ROWS_PER_SIGNAL = 100;

    private final JdbcOperations jdbc;

    public PredictRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public List<Signal> signals(UUID userId, List<UUID> recent, String hourKey, String dayKey) {
        String sql = """
                SELECT 'owned' AS kind, id AS target, CAST(NULL AS uuid) AS source, CAST(0 AS double precision) AS value,
                       CAST(NULL AS text) AS label
                FROM memories WHERE user_id = ? AND id = ANY(?)
                UNION ALL
                (SELECT 'co_access', other_memory_id, memory_id, co_access_count, NULL FROM memory_co_access
                 WHERE user_id = ? AND memory_id = ANY(?) ORDER BY co_access_count DESC LIMIT %1$d)
                UNION ALL
                (SELECT 'relationship', related_memory_id, memory_id, CAST(strength AS double precision), relationship_type
                 FROM memory_relationships WHERE user_id = ? AND memory_id = ANY(?) ORDER BY strength DESC LIMIT %1$d)
                UNION ALL
                (SELECT 'temporal', CAST(member AS uuid), NULL, p.confidence, p.pattern_type
                 FROM temporal_patterns p CROSS JOIN LATERAL jsonb_array_elements_text(coalesce(p.pattern_data -> 'memories', '[]'::jsonb)) AS member
                 WHERE p.user_id = ? AND p.confidence >= 0.5
                   AND ((p.pattern_type = 'hourly' AND p.pattern_key = ?) OR (p.pattern_type = 'daily' AND p.pattern_key = ?)
                        OR (p.pattern_type = 'sequence' AND p.pattern_data -> 'sequence' ->> 0 = ANY(?)))
                 ORDER BY p.confidence DESC LIMIT %1$d)
                """.formatted(MAX_ROWS_PER_SIGNAL);
        return jdbc.prepareStatement(sql, statement -> {
            java.sql.Array ids = statement.getConnection().createArrayOf("uuid", recent.toArray());
            statement.setObject(1, userId);
            statement.setArray(2, ids);
            statement.setObject(3, userId);
            statement.setArray(4, ids);
            statement.setObject(5, userId);
            statement.setArray(6, ids);
            statement.setObject(7, userId);
            statement.setString(8, hourKey);
            statement.setString(9, dayKey);
            statement.setArray(10, statement.getConnection().createArrayOf("text", recent.stream().map(UUID::toString).toArray()));
            List<Signal> signals = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    signals.add(new Signal(rows.getString(1), rows.getObject(2, UUID.class), rows.getObject(3, UUID.class),
                            rows.getDouble(4), rows.getString(5)));
                }
            }
            return signals;
        });
    }

    public List<Summary> summaries(UUID userId, List<UUID> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.prepareStatement("SELECT id, text, helpfulness_score, usage_count FROM memories WHERE user_id = ? AND id = ANY(?)",
                statement -> {
                    statement.setObject(1, userId);
                    statement.setArray(2, statement.getConnection().createArrayOf("uuid", ids.toArray()));
                    List<Summary> summaries = new ArrayList<>();
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            summaries.add(new Summary(rows.getObject(1, UUID.class), rows.getString(2), rows.getDouble(3), rows.getInt(4)));
                        }
                    }
                    return summaries;
                });
    }
}
