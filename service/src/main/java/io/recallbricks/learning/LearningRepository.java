package io.recallbricks.learning;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The reads and writes of the learning features; every statement is scoped by user and bounded. */
@Singleton
@Connectable
public class LearningRepository {

    /** Accesses of one memory at one UTC hour and ISO weekday. */
    public record AccessCount(int hour, int isoDay, UUID memoryId, long count) {
    }

    /** Two memories read together {@code count} times (one direction), with what the analysis compares. */
    public record CoAccessPair(UUID a, UUID b, int count, List<String> tagsA, List<String> tagsB, String textA, String textB,
                               boolean related) {
    }

    public record TagPair(UUID a, UUID b, int shared) {
    }

    public record MemoryRow(UUID id, String text, double helpfulness, int usageCount, Instant lastAccessed, Instant createdAt) {
    }

    public record Point(String metricType, double value, Instant recordedAt) {
    }

    public record Stats(double avgHelpfulness, long totalUsage, long activeMemories, long totalMemories, long staleMemories,
                        long recentlyActive) {
    }

    public record TagUse(String tag, double avgHelpfulness, long usageCount) {
    }

    public record Snapshot(String report, Instant computedAt, long snapshotVersion, long currentVersion) {
    }

    private final JdbcOperations jdbc;

    public LearningRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public List<AccessCount> accessCounts(UUID userId, int days) {
        return query("SELECT CAST(extract(hour FROM accessed_at AT TIME ZONE 'UTC') AS integer), "
                + "CAST(extract(isodow FROM accessed_at AT TIME ZONE 'UTC') AS integer), memory_id, count(*) "
                + "FROM memory_accesses WHERE user_id = ? AND accessed_at > now() - make_interval(days => ?) "
                + "GROUP BY 1, 2, 3", s -> {
            s.setObject(1, userId);
            s.setInt(2, days);
        }, r -> new AccessCount(r.getInt(1), r.getInt(2), r.getObject(3, UUID.class), r.getLong(4)));
    }

    public void upsertPattern(UUID userId, String type, String key, String dataJson, double confidence, int occurrences) {
        jdbc.prepareStatement("INSERT INTO temporal_patterns AS p (user_id, pattern_type, pattern_key, pattern_data, confidence, occurrences) "
                + "VALUES (?, ?, ?, CAST(? AS jsonb), ?, ?) ON CONFLICT (user_id, pattern_type, pattern_key) DO UPDATE "
                + "SET pattern_data = EXCLUDED.pattern_data, confidence = EXCLUDED.confidence, "
                + "occurrences = EXCLUDED.occurrences, last_seen = now()", s -> {
            s.setObject(1, userId);
            s.setString(2, type);
            s.setString(3, key);
            s.setString(4, dataJson);
            s.setDouble(5, confidence);
            s.setInt(6, occurrences);
            return s.executeUpdate();
        });
    }

    /** Removes the user's derived patterns that the run that started at {@code runStart} did not confirm. */
    public void deletePatternsNotSeenSince(UUID userId, Instant runStart) {
        jdbc.prepareStatement("DELETE FROM temporal_patterns WHERE user_id = ? AND pattern_type IN ('hourly', 'daily', 'sequence') "
                + "AND last_seen < ?", s -> {
            s.setObject(1, userId);
            s.setTimestamp(2, Timestamp.from(runStart));
            return s.executeUpdate();
        });
    }

    public List<CoAccessPair> coAccessPairs(UUID userId, int minCount, int limit) {
        return query("SELECT c.memory_id, c.other_memory_id, c.co_access_count, a.tags, b.tags, a.text, b.text, "
                + "EXISTS (SELECT 1 FROM memory_relationships r WHERE r.user_id = c.user_id AND ((r.memory_id = a.id AND r.related_memory_id = b.id) "
                + "OR (r.memory_id = b.id AND r.related_memory_id = a.id))) "
                + "FROM memory_co_access c JOIN memories a ON a.id = c.memory_id JOIN memories b ON b.id = c.other_memory_id "
                + "WHERE c.user_id = ? AND c.memory_id < c.other_memory_id AND c.co_access_count >= ? "
                + "ORDER BY c.co_access_count DESC LIMIT ?", s -> {
            s.setObject(1, userId);
            s.setInt(2, minCount);
            s.setInt(3, limit);
        }, r -> new CoAccessPair(r.getObject(1, UUID.class), r.getObject(2, UUID.class), r.getInt(3),
                Arrays.asList((String[]) r.getArray(4).getArray()), Arrays.asList((String[]) r.getArray(5).getArray()),
                r.getString(6), r.getString(7), r.getBoolean(8)));
    }

    /** Unrelated pairs among the user's 500 newest tagged memories sharing at least 2 tags. */
    public List<TagPair> sharedTagPairs(UUID userId, int limit) {
        return query("WITH recent AS (SELECT id, tags FROM memories WHERE user_id = ? AND cardinality(tags) >= 2 "
                + "ORDER BY created_at DESC LIMIT 500), pairs AS (SELECT a.id AS a, b.id AS b, "
                + "cardinality(ARRAY(SELECT unnest(a.tags) INTERSECT SELECT unnest(b.tags))) AS shared "
                + "FROM recent a JOIN recent b ON a.id < b.id AND a.tags && b.tags) "
                + "SELECT a, b, shared FROM pairs p WHERE shared >= 2 AND NOT EXISTS (SELECT 1 FROM memory_relationships r "
                + "WHERE (r.memory_id = p.a AND r.related_memory_id = p.b) OR (r.memory_id = p.b AND r.related_memory_id = p.a)) "
                + "ORDER BY shared DESC LIMIT ?", s -> {
            s.setObject(1, userId);
            s.setInt(2, limit);
        }, r -> new TagPair(r.getObject(1, UUID.class), r.getObject(2, UUID.class), r.getInt(3)));
    }

    /** Average helpfulness of both ends, per relationship type. */
    public Map<String, Double> relationshipUsefulness(UUID userId) {
        Map<String, Double> usefulness = new LinkedHashMap<>();
        query("SELECT r.relationship_type, avg((a.helpfulness_score + b.helpfulness_score) / 2) FROM memory_relationships r "
                + "JOIN memories a ON a.id = r.memory_id JOIN memories b ON b.id = r.related_memory_id "
                + "WHERE r.user_id = ? GROUP BY 1 ORDER BY 1", s -> s.setObject(1, userId),
                r -> usefulness.put(r.getString(1), r.getDouble(2)));
        return usefulness;
    }

    public Stats stats(UUID userId) {
        return query("SELECT coalesce(avg(helpfulness_score), 0), coalesce(sum(usage_count), 0), "
                + "count(*) FILTER (WHERE usage_count > 0), count(*), "
                + "count(*) FILTER (WHERE coalesce(last_accessed, created_at) < now() - interval '180 days' OR usage_count = 0), "
                + "count(*) FILTER (WHERE last_accessed > now() - interval '30 days') FROM memories WHERE user_id = ?",
                s -> s.setObject(1, userId),
                r -> new Stats(r.getDouble(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5), r.getLong(6))).get(0);
    }

    /** Appends today's values of the time series the metrics route shows. */
    public int recordMetrics(UUID userId) {
        return jdbc.prepareStatement("INSERT INTO learning_metrics (user_id, metric_type, metric_value) "
                + "SELECT ?, 'avg_helpfulness', avg(helpfulness_score) FROM memories WHERE user_id = ? HAVING count(*) > 0 "
                + "UNION ALL SELECT ?, 'search_accuracy', CAST(positive_feedback_count AS double precision) / total_searches "
                + "FROM user_learning_params WHERE user_id = ? AND total_searches > 0 "
                + "UNION ALL SELECT ?, 'relationship_quality', avg(strength) FROM memory_relationships WHERE user_id = ? HAVING count(*) > 0",
                s -> {
                    for (int i = 1; i <= 6; i++) {
                        s.setObject(i, userId);
                    }
                    return s.executeUpdate();
                });
    }

    public List<Point> series(UUID userId, int days, String metricType) {
        return query("SELECT metric_type, metric_value, recorded_at FROM learning_metrics WHERE user_id = ? "
                + "AND recorded_at >= now() - make_interval(days => ?)" + (metricType == null ? "" : " AND metric_type = ?")
                + " ORDER BY metric_type, recorded_at LIMIT 10000", s -> {
            s.setObject(1, userId);
            s.setInt(2, days);
            if (metricType != null) {
                s.setString(3, metricType);
            }
        }, r -> new Point(r.getString(1), r.getDouble(2), r.getTimestamp(3).toInstant()));
    }

    public Map<String, Object> learningParams(UUID userId) {
        List<Map<String, Object>> rows = query("SELECT usage_weight, recency_weight, helpfulness_weight, relationship_weight, "
                + "total_searches, positive_feedback_count, negative_feedback_count, avg_search_satisfaction, last_weight_update "
                + "FROM user_learning_params WHERE user_id = ?", s -> s.setObject(1, userId), r -> {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("usage_weight", r.getDouble(1));
            row.put("recency_weight", r.getDouble(2));
            row.put("helpfulness_weight", r.getDouble(3));
            row.put("relationship_weight", r.getDouble(4));
            row.put("total_feedback", r.getInt(5));
            row.put("positive_feedback_count", r.getInt(6));
            row.put("negative_feedback_count", r.getInt(7));
            row.put("avg_search_satisfaction", r.getDouble(8));
            row.put("last_weight_update", r.getTimestamp(9).toInstant());
            return row;
        });
        return rows.isEmpty() ? null : rows.get(0);
    }

    public long activePatterns(UUID userId, int days) {
        return query("SELECT count(*) FROM temporal_patterns WHERE user_id = ? AND last_seen >= now() - make_interval(days => ?)",
                s -> {
                    s.setObject(1, userId);
                    s.setInt(2, days);
                }, r -> r.getLong(1)).get(0);
    }

    public List<TagUse> usefulTags(UUID userId, int limit) {
        return query("SELECT tag, avg(helpfulness_score), sum(usage_count) FROM memories, unnest(tags) AS tag "
                + "WHERE user_id = ? GROUP BY tag ORDER BY 2 DESC, 3 DESC, tag LIMIT ?", s -> {
            s.setObject(1, userId);
            s.setInt(2, limit);
        }, r -> new TagUse(r.getString(1), r.getDouble(2), r.getLong(3)));
    }

    public List<MemoryRow> underutilized(UUID userId, int limit) {
        return memoryRows("usage_count = 0 OR last_accessed < now() - interval '90 days'",
                "last_accessed NULLS FIRST, created_at", userId, limit);
    }

    /** Rated unhelpful and not read for 90 days: the original's "outdated". */
    public List<MemoryRow> outdated(UUID userId, int limit) {
        return memoryRows("helpfulness_score <= 0.3 AND last_accessed <= now() - interval '90 days'", "last_accessed", userId, limit);
    }

    /** Not read for 180 days, or never read and older than 180 days (the original's condition never matched). */
    public List<MemoryRow> archiveCandidates(UUID userId, int limit) {
        return memoryRows("coalesce(last_accessed, created_at) <= now() - interval '180 days'",
                "coalesce(last_accessed, created_at)", userId, limit);
    }

    /** The user's newest memories' ids and texts, for duplicate detection. */
    public List<Duplicates.Text> recentTexts(UUID userId, int limit) {
        return query("SELECT id, text FROM memories WHERE user_id = ? ORDER BY created_at DESC LIMIT ?", s -> {
            s.setObject(1, userId);
            s.setInt(2, limit);
        }, r -> new Duplicates.Text(r.getObject(1, UUID.class), r.getString(2)));
    }

    /** Relationships with an end that is missing or another user's (the foreign keys keep this at 0). */
    public long brokenRelationships(UUID userId) {
        return query("SELECT count(*) FROM memory_relationships r LEFT JOIN memories a ON a.id = r.memory_id AND a.user_id = r.user_id "
                + "LEFT JOIN memories b ON b.id = r.related_memory_id AND b.user_id = r.user_id "
                + "WHERE r.user_id = ? AND (a.id IS NULL OR b.id IS NULL)", s -> s.setObject(1, userId), r -> r.getLong(1)).get(0);
    }

    public Snapshot snapshot(UUID userId) {
        return query("SELECT s.report, s.computed_at, coalesce(s.index_version, -1), "
                + "coalesce((SELECT version FROM memory_index_versions WHERE user_id = ?), 0) "
                + "FROM (SELECT 1) AS one LEFT JOIN maintenance_snapshots s ON s.user_id = ?", s -> {
            s.setObject(1, userId);
            s.setObject(2, userId);
        }, r -> new Snapshot(r.getString(1), r.getTimestamp(2) == null ? null : r.getTimestamp(2).toInstant(),
                r.getLong(3), r.getLong(4))).get(0);
    }

    public void saveSnapshot(UUID userId, long version, String reportJson) {
        jdbc.prepareStatement("INSERT INTO maintenance_snapshots (user_id, index_version, computed_at, report) "
                + "VALUES (?, ?, now(), CAST(? AS jsonb)) ON CONFLICT (user_id) DO UPDATE SET index_version = EXCLUDED.index_version, "
                + "computed_at = EXCLUDED.computed_at, report = EXCLUDED.report", s -> {
            s.setObject(1, userId);
            s.setLong(2, version);
            s.setString(3, reportJson);
            return s.executeUpdate();
        });
    }

    public long indexVersion(UUID userId) {
        return query("SELECT coalesce((SELECT version FROM memory_index_versions WHERE user_id = ?), 0)",
                s -> s.setObject(1, userId), r -> r.getLong(1)).get(0);
    }

    /** Users who read or changed memories since {@code since} (the scheduled analysis' work list). */
    public List<UUID> activeUsers(Instant since, int limit) {
        return query("SELECT user_id FROM (SELECT user_id FROM memory_accesses WHERE accessed_at >= ? "
                + "UNION SELECT user_id FROM memories WHERE updated_at >= ?) active LIMIT ?", s -> {
            s.setTimestamp(1, Timestamp.from(since));
            s.setTimestamp(2, Timestamp.from(since));
            s.setInt(3, limit);
        }, r -> r.getObject(1, UUID.class));
    }

    /** Drops accesses older than the 30 days the patterns look at. */
    public int pruneAccesses() {
        return jdbc.prepareStatement("DELETE FROM memory_accesses WHERE accessed_at < now() - interval '30 days'",
                PreparedStatement::executeUpdate);
    }

    private List<MemoryRow> memoryRows(String condition, String order, UUID userId, int limit) {
        return query("SELECT id, text, helpfulness_score, usage_count, last_accessed, created_at FROM memories "
                + "WHERE user_id = ? AND (" + condition + ") ORDER BY " + order + " LIMIT ?", s -> {
            s.setObject(1, userId);
            s.setInt(2, limit);
        }, r -> new MemoryRow(r.getObject(1, UUID.class), r.getString(2), r.getDouble(3), r.getInt(4),
                r.getTimestamp(5) == null ? null : r.getTimestamp(5).toInstant(), r.getTimestamp(6).toInstant()));
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    @FunctionalInterface
    private interface Mapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private <T> List<T> query(String sql, Binder binder, Mapper<T> mapper) {
        return jdbc.prepareStatement(sql, statement -> {
            binder.bind(statement);
            List<T> rows = new ArrayList<>();
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    rows.add(mapper.map(result));
                }
            }
            return rows;
        });
    }
}
