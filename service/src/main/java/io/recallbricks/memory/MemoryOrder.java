package io.recallbricks.memory;

import io.recallbricks.web.ApiException;

import java.util.Locale;

/**
 * The order of a listing: newest first by default, as the original. The TypeScript SDK's {@code listMemories}
 * sends {@code sort} ({@code asc}/{@code desc}) and {@code sortBy} (a field); {@code created_at} and
 * {@code updated_at} can be sorted on. The id breaks ties, so pages never overlap.
 */
public record MemoryOrder(String column, boolean ascending) {

    public static MemoryOrder of(String sort, String sortBy) {
        String column = sortBy == null || sortBy.isBlank() ? "created_at" : sortBy.trim().toLowerCase(Locale.ROOT);
        if (!column.equals("created_at") && !column.equals("updated_at")) {
            throw ApiException.invalidParameter("sortBy", "sortBy must be created_at or updated_at.");
        }
        String direction = sort == null || sort.isBlank() ? "desc" : sort.trim().toLowerCase(Locale.ROOT);
        if (!direction.equals("asc") && !direction.equals("desc")) {
            throw ApiException.invalidParameter("sort", "sort must be asc or desc.");
        }
        return new MemoryOrder(column, direction.equals("asc"));
    }

    /** The ORDER BY clause; the column is one of two fixed names, never client text. */
    String sql() {
        String direction = ascending ? "ASC" : "DESC";
        return column + " " + direction + ", id " + direction;
    }
}
