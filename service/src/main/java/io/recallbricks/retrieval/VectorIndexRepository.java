package io.recallbricks.retrieval;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.recallbricks.embedding.Vectors;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** Reads a user's index version and, when it moved, the user's current vectors. */
@Singleton
@Connectable
public class VectorIndexRepository {

    /**
     * Rows per statement when loading a user's vectors: each statement stays far below the statement timeout and
     * moves a bounded amount of data, however many memories the user has.
     */
    static final int CHUNK = 5000;

    private final JdbcOperations jdbc;

    public VectorIndexRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

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
     * use reloads it; it can never carry a version newer than its rows.
     */
    public UserVectors load(UUID userId, String model, int dimensions) {
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
                try (ResultSet result = statement.executeQuery()) {
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
