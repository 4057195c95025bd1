package io.recallbricks.compat;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.recallbricks.memory.Memory;
import io.recallbricks.memory.MemoryRepository;
import io.recallbricks.resilience.DatabaseGuarded;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Several of the caller's memories by id, in one statement, without counting a use (the SDK shapes need full text
 * and metadata where the original's answers only carry a preview).
 */
@Singleton
@Connectable
@DatabaseGuarded
public class MemoryLookup {

    private final JdbcOperations jdbc;
    private final MemoryRepository memories;

    public MemoryLookup(JdbcOperations jdbc, MemoryRepository memories) {
        this.jdbc = jdbc;
        this.memories = memories;
    }

    public Map<UUID, Memory> byIds(UUID userId, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return jdbc.prepareStatement("SELECT " + MemoryRepository.COLUMNS + " FROM memories WHERE user_id = ? AND id = ANY(?)",
                statement -> {
                    statement.setObject(1, userId);
                    statement.setArray(2, statement.getConnection().createArrayOf("uuid", ids.toArray()));
                    Map<UUID, Memory> found = new LinkedHashMap<>();
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            Memory memory = memories.map(rows);
                            found.put(memory.id(), memory);
                        }
                    }
                    return found;
                });
    }
}
