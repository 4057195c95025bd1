package io.recallbricks.retrieval;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.recallbricks.embedding.Vectors;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Reads a user's index version and, when it moved, the user's current vectors. */
@Singleton
@Connectable
public class VectorIndexRepository {

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
     * The user's vectors of the given model and size (newest first), with the version they belong to, read in one statement (one
     * snapshot), so the version can never be newer than the rows.
     */
    public UserVectors load(UUID userId, String model, int dimensions) {
        return jdbc.prepareStatement("SELECT coalesce((SELECT version FROM memory_index_versions WHERE user_id = ?), 0), "
                + "NULL, NULL, NULL, NULL, NULL "
                + "UNION ALL (SELECT NULL, id, embedding, project_id, source, tags FROM memories "
                + "WHERE user_id = ? AND embedding IS NOT NULL AND embedding_model = ? AND embedding_dimensions = ? "
                + "ORDER BY created_at DESC)",
                statement -> {
                    statement.setObject(1, userId);
                    statement.setObject(2, userId);
                    statement.setString(3, model);
                    statement.setInt(4, dimensions);
                    long version = 0;
                    List<UUID> ids = new ArrayList<>();
                    List<UserVectors.Labels> labels = new ArrayList<>();
                    float[] matrix = new float[dimensions * 64];
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            if (rows.getObject(2) == null) {
                                version = rows.getLong(1);
                                continue;
                            }
                            int row = ids.size();
                            if ((row + 1) * dimensions > matrix.length) {
                                matrix = java.util.Arrays.copyOf(matrix, Math.max(matrix.length * 2, (row + 1) * dimensions));
                            }
                            byte[] bytes = rows.getBytes(3);
                            if (bytes.length != dimensions * Float.BYTES) {
                                continue;
                            }
                            Vectors.readInto(bytes, matrix, row * dimensions);
                            ids.add(rows.getObject(2, UUID.class));
                            labels.add(new UserVectors.Labels(rows.getString(4), rows.getString(5),
                                    (String[]) rows.getArray(6).getArray()));
                        }
                    }
                    return new UserVectors(version, dimensions, ids.toArray(UUID[]::new),
                            java.util.Arrays.copyOf(matrix, ids.size() * dimensions), labels.toArray(UserVectors.Labels[]::new));
                });
    }
}
