package io.recallbricks.retrieval;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.recallbricks.embedding.Vectors;
import io.recallbricks.resilience.DatabaseGuarded;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/**
 * Reads a user's index version and, when it moved, the user's current vectors. The quick reads are behind the
 * database breaker; a full load is not, since on a large user it is legitimately slow as a whole and must not count
 * as a slow database. Loads and refreshes take a deadline: their statements move many rows, so a slow network could
 * make them stream for longer than any timeout of a single read (see {@link StatementDeadline}).
 */
@Singleton
@Connectable
public class VectorIndexRepository {

    /**
     * Rows per statement when loading a user's vectors: each statement stays far below the statement timeout and
     * moves a bounded amount of data, however many memories the user has.
     */
    static final int CHUNK = 5000;

    private final JdbcOperations jdbc;
    private final ScheduledExecutorService deadlines = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "vector-load-deadlines");
        thread.setDaemon(true);
        return thread;
    });

    public VectorIndexRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @PreDestroy
    void stop() {
        deadlines.shutdownNow();
    }

    @DatabaseGuarded
    public long version(UUID userId) {
        return jdbc.prepareStatement("SELECT version FROM memory_index_versions WHERE user_id = ?", statement -> {
            statement.setObject(1, userId);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : 0L;
            }
        });
    }

    /**
     * The user's vectors of the given model and size, newest first, labelled with the version read BEFORE the rows:
     * if a write lands during the load, the matrix may already contain it but carries the older version, so the next
     * use reloads it; it can never carry a version newer than its rows. Fails with SQLSTATE 57014 at
     * {@code deadlineNanos} ({@link System#nanoTime()}).
     */
    public UserVectors load(UUID userId, String model, int dimensions, long deadlineNanos) {
        long version = version(userId);
        int expected = count(userId, model, dimensions);
        float[] matrix = new float[expected * dimensions];
        List<UUID> ids = new ArrayList<>(expected);
        List<UserVectors.Labels> labels = new ArrayList<>(expected);
        Timestamp afterCreated = null;
        UUID afterId = null;
        while (true) {
            Timestamp lastCreated = null;
            UUID lastId = null;
            int read = 0;
            final Timestamp cursorCreated = afterCreated;
            final UUID cursorId = afterId;
            List<Object[]> chunk = jdbc.prepareStatement("SELECT id, embedding, project_id, source, tags, created_at FROM memories "
                    + "WHERE user_id = ? AND embedding IS NOT NULL AND embedding_model = ? AND embedding_dimensions = ? "
                    + (cursorCreated == null ? "" : "AND (created_at, id) < (?, ?) ")
                    + "ORDER BY created_at DESC, id DESC LIMIT " + CHUNK, statement -> {
                statement.setObject(1, userId);
                statement.setString(2, model);
                statement.setInt(3, dimensions);
                if (cursorCreated != null) {
                    statement.setTimestamp(4, cursorCreated);
                    statement.setObject(5, cursorId);
                }
                List<Object[]> rows = new ArrayList<>(CHUNK);
                try (StatementDeadline deadline = StatementDeadline.arm(deadlines, statement.getConnection(), deadlineNanos);
                     ResultSet result = statement.executeQuery()) {
                    while (result.next()) {
                        rows.add(new Object[]{result.getObject(1, UUID.class), result.getBytes(2), result.getString(3),
                                result.getString(4), result.getArray(5).getArray(), result.getTimestamp(6)});
                    }
                }
                return rows;
            });
            for (Object[] row : chunk) {
                read++;
                lastId = (UUID) row[0];
                lastCreated = (Timestamp) row[5];
                byte[] bytes = (byte[]) row[1];
                if (bytes.length != dimensions * Float.BYTES) {
                    continue;
                }
                int position = ids.size();
                if ((position + 1) * dimensions > matrix.length) {
                    // Rows were added since the count: grow once by half.
                    matrix = Arrays.copyOf(matrix, Math.max((position + 1) * dimensions, matrix.length + matrix.length / 2));
                }
                Vectors.readInto(bytes, matrix, position * dimensions);
                ids.add(lastId);
                labels.add(new UserVectors.Labels((String) row[2], (String) row[3], (String[]) row[4]));
            }
            if (read < CHUNK) {
                break;
            }
            afterCreated = lastCreated;
            afterId = lastId;
        }
        if (matrix.length != ids.size() * dimensions) {
            matrix = Arrays.copyOf(matrix, ids.size() * dimensions);
        }
        return new UserVectors(version, dimensions, ids.toArray(UUID[]::new), matrix, labels.toArray(UserVectors.Labels[]::new));
    }

    /** What changed for a user since a version: current rows of changed memories and the deleted ids. */
    public record Delta(long version, UUID[] ids, float[] matrix, UserVectors.Labels[] labels, List<UUID> removed) {
    }

    /**
     * The changes since {@code since}, or null when more than {@code max} memories changed (a full load is then the
     * cheaper refresh). A changed memory without a current embedding (text changed, not yet re-embedded) is only
     * removed. Versions are read first, as for a full load. Fails with SQLSTATE 57014 at {@code deadlineNanos}.
     */
    @DatabaseGuarded
    public Delta changesSince(UUID userId, long since, String model, int dimensions, int max, long deadlineNanos) {
        long version = version(userId);
        List<UUID> removed = jdbc.prepareStatement("SELECT memory_id FROM memory_index_tombstones WHERE user_id = ? AND version > ? "
                + "LIMIT " + (max + 1), statement -> {
            statement.setObject(1, userId);
            statement.setLong(2, since);
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getObject(1, UUID.class));
                }
            }
            return ids;
        });
        if (removed.size() > max) {
            return null;
        }
        return jdbc.prepareStatement("SELECT id, CASE WHEN embedding_model = ? AND embedding_dimensions = ? THEN embedding END, "
                + "project_id, source, tags FROM memories WHERE user_id = ? AND index_seq > ? ORDER BY index_seq LIMIT " + (max + 1),
                statement -> {
                    statement.setString(1, model);
                    statement.setInt(2, dimensions);
                    statement.setObject(3, userId);
                    statement.setLong(4, since);
                    List<UUID> ids = new ArrayList<>();
                    List<UserVectors.Labels> labels = new ArrayList<>();
                    List<byte[]> vectors = new ArrayList<>();
                    int changed = 0;
                    try (StatementDeadline deadline = StatementDeadline.arm(deadlines, statement.getConnection(), deadlineNanos);
                         ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            changed++;
                            UUID id = rows.getObject(1, UUID.class);
                            byte[] bytes = rows.getBytes(2);
                            if (bytes == null || bytes.length != dimensions * Float.BYTES) {
                                removed.add(id);
                                continue;
                            }
                            ids.add(id);
                            vectors.add(bytes);
                            labels.add(new UserVectors.Labels(rows.getString(3), rows.getString(4), (String[]) rows.getArray(5).getArray()));
                        }
                    }
                    if (changed > max) {
                        return null;
                    }
                    float[] matrix = new float[ids.size() * dimensions];
                    for (int i = 0; i < vectors.size(); i++) {
                        Vectors.readInto(vectors.get(i), matrix, i * dimensions);
                    }
                    return new Delta(version, ids.toArray(UUID[]::new), matrix, labels.toArray(UserVectors.Labels[]::new), removed);
                });
    }

    /** Forgets deletions older than a day (instances drop users they have not served for hours before that). */
    @DatabaseGuarded
    public int pruneTombstones() {
        return jdbc.prepareStatement("DELETE FROM memory_index_tombstones WHERE deleted_at < now() - interval '1 day'",
                java.sql.PreparedStatement::executeUpdate);
    }

    private int count(UUID userId, String model, int dimensions) {
        return jdbc.prepareStatement("SELECT count(*) FROM memories WHERE user_id = ? AND embedding IS NOT NULL "
                + "AND embedding_model = ? AND embedding_dimensions = ?", statement -> {
            statement.setObject(1, userId);
            statement.setString(2, model);
            statement.setInt(3, dimensions);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }
}
