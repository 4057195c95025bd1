package io.recallbricks.embedding;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The memories that still need an embedding, claimed a batch at a time so several instances never share one. */
@Singleton
@Connectable
public class EmbeddingBackfillRepository {

    /** A claimed memory: its text as it was when claimed and how many attempts it has had. */
    public record Pending(UUID id, String text, int attempts) {
    }

    /** How long a claim keeps other instances away (longer than one background call may take). */
    static final String LEASE = "5 minutes";

    private final JdbcOperations jdbc;

    public EmbeddingBackfillRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims up to {@code limit} memories whose time has come and that have attempts left. */
    public List<Pending> claim(int limit, int maxAttempts) {
        return jdbc.prepareStatement("UPDATE memories SET embedding_next_attempt_at = now() + interval '" + LEASE + "' "
                + "WHERE id IN (SELECT id FROM memories WHERE embedding IS NULL AND embedding_attempts < ? "
                + "AND (embedding_next_attempt_at IS NULL OR embedding_next_attempt_at <= now()) "
                + "ORDER BY embedding_next_attempt_at NULLS FIRST, created_at LIMIT ? FOR UPDATE SKIP LOCKED) "
                + "RETURNING id, text, embedding_attempts", statement -> {
            statement.setInt(1, maxAttempts);
            statement.setInt(2, limit);
            List<Pending> pending = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    pending.add(new Pending(rows.getObject(1, UUID.class), rows.getString(2), rows.getInt(3)));
                }
            }
            return pending;
        });
    }

    /** Stores the embedding unless the text changed since the claim (the new text has its own turn). */
    public boolean store(UUID id, String text, byte[] embedding, String model, int dimensions) {
        return jdbc.prepareStatement("UPDATE memories SET embedding = ?, embedding_model = ?, embedding_dimensions = ?, "
                + "embedding_attempts = 0, embedding_next_attempt_at = NULL, embedding_error = NULL "
                + "WHERE id = ? AND text = ? AND embedding IS NULL", statement -> {
            statement.setBytes(1, embedding);
            statement.setString(2, model);
            statement.setInt(3, dimensions);
            statement.setObject(4, id);
            statement.setString(5, text);
            return statement.executeUpdate() == 1;
        });
    }

    /** Counts a failed attempt and schedules the next one {@code delaySeconds} later. */
    public void failed(List<UUID> ids, String error, long delaySeconds) {
        jdbc.prepareStatement("UPDATE memories SET embedding_attempts = embedding_attempts + 1, "
                + "embedding_next_attempt_at = now() + make_interval(secs => ?), embedding_error = ? "
                + "WHERE id = ANY(?) AND embedding IS NULL", statement -> {
            statement.setLong(1, delaySeconds);
            statement.setString(2, error.length() > 500 ? error.substring(0, 500) : error);
            statement.setArray(3, statement.getConnection().createArrayOf("uuid", ids.toArray()));
            return statement.executeUpdate();
        });
    }

    /** Memories still waiting for an embedding, and those the job gave up on. */
    public long[] backlog(int maxAttempts) {
        return jdbc.prepareStatement("SELECT count(*) FILTER (WHERE embedding_attempts < ?), "
                + "count(*) FILTER (WHERE embedding_attempts >= ?) FROM memories WHERE embedding IS NULL", statement -> {
            statement.setInt(1, maxAttempts);
            statement.setInt(2, maxAttempts);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return new long[]{rows.getLong(1), rows.getLong(2)};
            }
        });
    }
}
