package io.recallbricks.retrieval;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.recallbricks.memory.Memory;
import io.recallbricks.memory.MemoryRepository;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The retrieval reads of PostgreSQL: in one statement, the rows of the vector candidates together with the best
 * full-text matches, each with its full-text rank. Scoped by user; bounded by the candidate count.
 */
@Singleton
@Connectable
public class RetrievalRepository {

    /** A memory row with its full-text rank for the query (0 when it does not match). */
    public record Row(Memory memory, double keywordRank, boolean keywordMatch) {
    }

    private static final String RANK = "ts_rank_cd(m.text_search, q.query, 32)";

    /**
     * Full-text matches ranked per query, newest first: ranking is per matching row, so a query matching most of a
     * large user's memories would otherwise cost that user's whole history.
     */
    static final int KEYWORD_SCAN_LIMIT = 2000;

    private final JdbcOperations jdbc;
    private final MemoryRepository memories;

    public RetrievalRepository(JdbcOperations jdbc, MemoryRepository memories) {
        this.jdbc = jdbc;
        this.memories = memories;
    }

    /**
     * The memories {@code ids} plus up to {@code keywordLimit} best full-text matches of {@code tsquery} (a
     * to_tsquery text; empty for none), all passing {@code filter}.
     */
    public List<Row> candidates(UUID userId, List<UUID> ids, String tsquery, int keywordLimit, UserVectors.Filter filter) {
        String filters = filterSql(filter);
        String sql = "WITH q AS (SELECT to_tsquery('english', ?) AS query), cand AS ("
                + " SELECT m.id FROM memories m WHERE m.user_id = ? AND m.id = ANY(?)"
                + " UNION"
                + " (SELECT k.id FROM (SELECT m.id, m.text_search FROM memories m, q WHERE m.user_id = ? AND m.text_search @@ q.query"
                + filters + " ORDER BY m.created_at DESC LIMIT " + KEYWORD_SCAN_LIMIT + ") k, q"
                + " ORDER BY ts_rank_cd(k.text_search, q.query, 32) DESC LIMIT ?))"
                + " SELECT " + qualified() + ", " + RANK + " AS keyword_rank, m.text_search @@ q.query AS keyword_match"
                + " FROM memories m JOIN cand c ON c.id = m.id CROSS JOIN q WHERE m.user_id = ?" + filters;
        return jdbc.prepareStatement(sql, statement -> {
            int i = 1;
            statement.setString(i++, tsquery);
            statement.setObject(i++, userId);
            statement.setArray(i++, statement.getConnection().createArrayOf("uuid", ids.toArray()));
            statement.setObject(i++, userId);
            i = bindFilter(statement, i, filter);
            statement.setInt(i++, keywordLimit);
            statement.setObject(i++, userId);
            bindFilter(statement, i, filter);
            List<Row> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(memories.map(result), result.getDouble("keyword_rank"), result.getBoolean("keyword_match")));
                }
            }
            return rows;
        });
    }

    /** Full-text matches only, best rank first then newest (POST /api/v1/search and /context). */
    public List<Row> keywordSearch(UUID userId, String tsquery, UserVectors.Filter filter, int limit) {
        String filters = filterSql(filter);
        boolean anyQuery = !tsquery.isEmpty();
        // The newest KEYWORD_SCAN_LIMIT matches are ranked: the cost stays bounded however many memories match.
        String sql = "WITH q AS (SELECT to_tsquery('english', ?) AS query), matches AS (SELECT m.id FROM memories m, q"
                + " WHERE m.user_id = ?" + (anyQuery ? " AND m.text_search @@ q.query" : "") + filters
                + " ORDER BY m.created_at DESC LIMIT " + KEYWORD_SCAN_LIMIT + ")"
                + " SELECT " + qualified() + ", " + RANK + " AS keyword_rank, m.text_search @@ q.query AS keyword_match"
                + " FROM memories m JOIN matches USING (id) CROSS JOIN q"
                + " ORDER BY " + (anyQuery ? "keyword_rank DESC, " : "") + "m.created_at DESC, m.id DESC LIMIT ?";
        return jdbc.prepareStatement(sql, statement -> {
            int i = 1;
            statement.setString(i++, tsquery);
            statement.setObject(i++, userId);
            i = bindFilter(statement, i, filter);
            statement.setInt(i, limit);
            List<Row> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(new Row(memories.map(result), result.getDouble("keyword_rank"), result.getBoolean("keyword_match")));
                }
            }
            return rows;
        });
    }

    /** Counts a use of each returned memory ({@code learning_mode}): one statement for all of them. */
    public void recordUse(UUID userId, List<UUID> ids) {
        if (ids.isEmpty()) {
            return;
        }
        jdbc.prepareStatement("UPDATE memories SET usage_count = usage_count + 1, last_accessed = now() "
                + "WHERE user_id = ? AND id = ANY(?)", statement -> {
            statement.setObject(1, userId);
            statement.setArray(2, statement.getConnection().createArrayOf("uuid", ids.toArray()));
            return statement.executeUpdate();
        });
    }

    private static String qualified() {
        StringBuilder columns = new StringBuilder();
        for (String column : MemoryRepository.COLUMNS.split(",\\s*")) {
            if (columns.length() > 0) {
                columns.append(", ");
            }
            columns.append("m.").append(column);
        }
        return columns.toString();
    }

    private static String filterSql(UserVectors.Filter filter) {
        StringBuilder sql = new StringBuilder();
        if (filter.projectId() != null) {
            sql.append(" AND m.project_id = ?");
        }
        if (filter.source() != null) {
            sql.append(" AND m.source = ?");
        }
        if (filter.tags() != null && !filter.tags().isEmpty()) {
            sql.append(" AND m.tags @> ?");
        }
        return sql.toString();
    }

    private static int bindFilter(PreparedStatement statement, int first, UserVectors.Filter filter) throws SQLException {
        int i = first;
        if (filter.projectId() != null) {
            statement.setString(i++, filter.projectId());
        }
        if (filter.source() != null) {
            statement.setString(i++, filter.source());
        }
        if (filter.tags() != null && !filter.tags().isEmpty()) {
            statement.setArray(i++, statement.getConnection().createArrayOf("text", filter.tags().toArray()));
        }
        return i;
    }
}
