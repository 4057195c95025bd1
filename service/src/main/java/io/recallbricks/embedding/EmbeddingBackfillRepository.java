package io.recallbricks.embedding;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.recallbricks.resilience.DatabaseGuarded;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The memories that still need an embedding, claimed a batch at a time so several instances never share one. */
@Singleton
@Connectable
@DatabaseGuarded
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

    /**
     * A vector of another model or size than the current one (SQL, with the current model and size bound as
     * {@code ?, ?, ?, ?}): spelled as ranges so that PostgreSQL answers it from {@code idx_memories_embedding_model}
     * without reading the table when nothing is stale, the usual case.
     */
    private static final String STALE = "embedding IS NOT NULL AND (embedding_model < ? OR embedding_model > ? "
            + "OR embedding_model IS NULL OR (embedding_model = ? AND embedding_dimensions IS DISTINCT FROM ?))";

    /** Still needs a vector of {@code model}/{@code dimensions}: none yet, or one of another model (bound as above). */
    private static final String NEEDS_VECTOR = "(embedding IS NULL OR embedding_model IS DISTINCT FROM ? "
            + "OR embedding_dimensions IS DISTINCT FROM ?)";

    /**
     * Claims up to {@code limit} memories whose time has come and that have attempts left: first those without a
     * vector, then those whose vector is of another model than {@code model}/{@code dimensions} (re-embedding after a
     * model change; it resumes wherever it stopped, since what is left is read from the rows each time).
     */
    public List<Pending> claim(int limit, int maxAttempts, String model, int dimensions) {
        List<Pending> pending = claim("embedding IS NULL", limit, maxAttempts, null, 0);
        if (pending.size() < limit) {
            pending = new ArrayList<>(pending);
            pending.addAll(claim(STALE, limit - pending.size(), maxAttempts, model, dimensions));
        }
        return pending;
    }

    private List<Pending> claim(String condition, int limit, int maxAttempts, String model, int dimensions) {
        return jdbc.prepareStatement("UPDATE memories SET embedding_next_attempt_at = now() + interval '" + LEASE + "' "
                + "WHERE id IN (SELECT id FROM memories WHERE " + condition + " AND embedding_attempts < ? "
                + "AND (embedding_next_attempt_at IS NULL OR embedding_next_attempt_at <= now()) "
                + "ORDER BY embedding_next_attempt_at NULLS FIRST, created_at LIMIT ? FOR UPDATE SKIP LOCKED) "
                + "RETURNING id, text, embedding_attempts", statement -> {
            int i = 1;
            if (model != null) {
                i = bindStale(statement, i, model, dimensions);
            }
            statement.setInt(i++, maxAttempts);
            statement.setInt(i, limit);
            List<Pending> pending = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    pending.add(new Pending(rows.getObject(1, UUID.class), rows.getString(2), rows.getInt(3)));
                }
            }
            return pending;
        });
    }

    private static int bindStale(PreparedStatement statement, int first, String model, int dimensions) throws SQLException {
        statement.setString(first, model);
        statement.setString(first + 1, model);
        statement.setString(first + 2, model);
        statement.setInt(first + 3, dimensions);
        return first + 4;
    }

    /**
     * Stores the embedding unless the text changed since the claim (the new text has its own turn) or the memory got
     * a vector of this model meanwhile (a write of its new text).
     */
    public boolean store(UUID id, String text, byte[] embedding, String model, int dimensions) {
        return jdbc.prepareStatement("UPDATE memories SET embedding = ?, embedding_model = ?, embedding_dimensions = ?, "
                + "embedding_attempts = 0, embedding_next_attempt_at = NULL, embedding_error = NULL "
                + "WHERE id = ? AND text = ? AND " + NEEDS_VECTOR, statement -> {
            statement.setBytes(1, embedding);
            statement.setString(2, model);
            statement.setInt(3, dimensions);
            statement.setObject(4, id);
            statement.setString(5, text);
            statement.setString(6, model);
            statement.setInt(7, dimensions);
            return statement.executeUpdate() == 1;
        });
    }

    /** Counts a failed attempt and schedules the next one {@code delaySeconds} later. */
    public void failed(List<UUID> ids, String error, long delaySeconds, String model, int dimensions) {
        jdbc.prepareStatement("UPDATE memories SET embedding_attempts = embedding_attempts + 1, "
                + "embedding_next_attempt_at = now() + make_interval(secs => ?), embedding_error = ? "
                + "WHERE id = ANY(?) AND " + NEEDS_VECTOR, statement -> {
            statement.setLong(1, delaySeconds);
            statement.setString(2, error.length() > 500 ? error.substring(0, 500) : error);
            statement.setArray(3, statement.getConnection().createArrayOf("uuid", ids.toArray()));
            statement.setString(4, model);
            statement.setInt(5, dimensions);
            return statement.executeUpdate();
        });
    }

    /** Memories whose vector is of another model than {@code model}/{@code dimensions} (to be re-embedded). */
    public long stale(String model, int dimensions) {
        return jdbc.prepareStatement("SELECT count(*) FROM memories WHERE " + STALE, statement -> {
            bindStale(statement, 1, model, dimensions);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
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
