package io.recallbricks.learning;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Types;
import java.util.Optional;
import java.util.UUID;

/**
 * Applies one feedback event in ONE statement, so it is atomic and concurrent feedback loses no update: the
 * memory's helpfulness (the original's formula, computed from the locked row), its bounded list of feedback
 * contexts, the user's adaptive weights ({@code update_learning_params}) and the satisfaction time series.
 */
@Singleton
@Connectable
public class FeedbackRepository {

    /** Feedback contexts kept per memory (the original's list grew without bound). */
    static final int MAX_FEEDBACK_CONTEXTS = 20;

    private final JdbcOperations jdbc;

    public FeedbackRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** The new helpfulness score, or empty when the caller has no such memory. */
    public Optional<Double> apply(UUID userId, UUID memoryId, boolean helpful, Double satisfaction, String context) {
        String sql = """
                WITH input AS (
                    SELECT CAST(? AS double precision) AS satisfaction, CAST(? AS boolean) AS helpful, CAST(? AS text) AS context
                ), updated AS (
                    UPDATE memories m SET
                        helpfulness_score = CASE
                            WHEN i.satisfaction IS NOT NULL THEN 0.3 * i.satisfaction + 0.7 * m.helpfulness_score
                            ELSE least(1.0, greatest(0.0, m.helpfulness_score + CASE WHEN i.helpful THEN 0.1 ELSE -0.05 END))
                        END,
                        access_pattern = CASE WHEN i.context IS NULL THEN m.access_pattern ELSE jsonb_set(m.access_pattern,
                            '{feedback_contexts}',
                            coalesce((SELECT jsonb_agg(e ORDER BY n) FROM jsonb_array_elements(
                                          CASE WHEN jsonb_typeof(m.access_pattern -> 'feedback_contexts') = 'array'
                                               THEN m.access_pattern -> 'feedback_contexts' ELSE '[]'::jsonb END)
                                          WITH ORDINALITY AS t(e, n)
                                      WHERE n > jsonb_array_length(CASE WHEN jsonb_typeof(m.access_pattern -> 'feedback_contexts') = 'array'
                                               THEN m.access_pattern -> 'feedback_contexts' ELSE '[]'::jsonb END) - %d),
                                     '[]'::jsonb)
                            || jsonb_build_array(jsonb_build_object('context', i.context, 'helpful', i.helpful, 'timestamp', now())))
                        END
                    FROM input i
                    WHERE m.id = ? AND m.user_id = ?
                    RETURNING m.helpfulness_score
                ), params AS (
                    SELECT update_learning_params(?, i.satisfaction, i.helpful) AS done FROM updated, input i
                ), series AS (
                    INSERT INTO learning_metrics (user_id, metric_type, metric_value, context)
                    SELECT ?, 'user_satisfaction', i.satisfaction, jsonb_build_object('memory_id', CAST(? AS text))
                    FROM updated, input i WHERE i.satisfaction IS NOT NULL
                )
                SELECT u.helpfulness_score, (SELECT count(*) FROM params) FROM updated u
                """.formatted(MAX_FEEDBACK_CONTEXTS - 1);
        return jdbc.prepareStatement(sql, statement -> {
            if (satisfaction == null) {
                statement.setNull(1, Types.DOUBLE);
            } else {
                statement.setDouble(1, satisfaction);
            }
            statement.setBoolean(2, helpful);
            statement.setString(3, context);
            statement.setObject(4, memoryId);
            statement.setObject(5, userId);
            statement.setObject(6, userId);
            statement.setObject(7, userId);
            statement.setString(8, memoryId.toString());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(rows.getDouble(1)) : Optional.empty();
            }
        });
    }
}
