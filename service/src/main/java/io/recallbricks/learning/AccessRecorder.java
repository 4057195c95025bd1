package io.recallbricks.learning;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.util.UUID;

/**
 * Records a read of a memory where predict and the analysis look for it: the access itself (time-of-day and
 * day-of-week patterns) and, for every other memory the same user read within the co-access window, one more
 * co-access in both directions. One statement; a re-read within the window adds no pair twice.
 */
@Singleton
@Connectable
public class AccessRecorder {

    private final JdbcOperations jdbc;
    private final LearningSettings settings;

    public AccessRecorder(JdbcOperations jdbc, LearningSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    public void record(UUID userId, UUID memoryId) {
        jdbc.prepareStatement("""
                WITH recent AS (
                    SELECT DISTINCT memory_id FROM memory_accesses
                    WHERE user_id = ? AND accessed_at > now() - make_interval(mins => ?)
                ), logged AS (
                    INSERT INTO memory_accesses (user_id, memory_id) VALUES (?, ?)
                ), pairs AS (
                    SELECT r.memory_id AS a, CAST(? AS uuid) AS b FROM recent r
                    WHERE r.memory_id <> ? AND NOT EXISTS (SELECT 1 FROM recent s WHERE s.memory_id = ?)
                )
                INSERT INTO memory_co_access (user_id, memory_id, other_memory_id)
                SELECT ?, a, b FROM pairs UNION ALL SELECT ?, b, a FROM pairs
                ON CONFLICT (memory_id, other_memory_id)
                    DO UPDATE SET co_access_count = memory_co_access.co_access_count + 1, last_seen = now()
                """, statement -> {
            statement.setObject(1, userId);
            statement.setInt(2, settings.coAccessWindowMinutes());
            statement.setObject(3, userId);
            statement.setObject(4, memoryId);
            statement.setObject(5, memoryId);
            statement.setObject(6, memoryId);
            statement.setObject(7, memoryId);
            statement.setObject(8, userId);
            statement.setObject(9, userId);
            return statement.executeUpdate();
        });
    }
}
