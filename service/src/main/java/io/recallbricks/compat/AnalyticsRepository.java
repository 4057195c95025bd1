package io.recallbricks.compat;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.recallbricks.resilience.DatabaseGuarded;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What the SDKs' analytics ask that the original routes do not say, read from the recorded reads
 * ({@code memory_accesses}, kept 30 days) and the memories: activity in each half of a window, growth, the most
 * read memories, and reads by time of day (UTC).
 */
@Singleton
@Connectable
@DatabaseGuarded
public class AnalyticsRepository {

    /** Reads and distinct memories read in the older and the newer half of the window; memories created in it. */
    public record Activity(long olderReads, long newerReads, long olderActive, long newerActive, long created, long total) {
    }

    public record FrequentlyRead(UUID memoryId, long reads, Instant lastRead) {
    }

    public record PeriodReads(String period, UUID memoryId, long reads) {
    }

    private final JdbcOperations jdbc;

    public AnalyticsRepository(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public Activity activity(UUID userId, int days) {
        long halfSeconds = days * 86_400L / 2;
        return jdbc.prepareStatement("SELECT "
                + "count(*) FILTER (WHERE a.accessed_at < now() - make_interval(secs => ?)), "
                + "count(*) FILTER (WHERE a.accessed_at >= now() - make_interval(secs => ?)), "
                + "count(DISTINCT a.memory_id) FILTER (WHERE a.accessed_at < now() - make_interval(secs => ?)), "
                + "count(DISTINCT a.memory_id) FILTER (WHERE a.accessed_at >= now() - make_interval(secs => ?)), "
                + "(SELECT count(*) FROM memories m WHERE m.user_id = ? AND m.created_at >= now() - make_interval(days => ?)), "
                + "(SELECT count(*) FROM memories m WHERE m.user_id = ?) "
                + "FROM memory_accesses a WHERE a.user_id = ? AND a.accessed_at >= now() - make_interval(days => ?)", s -> {
            for (int i = 1; i <= 4; i++) {
                s.setLong(i, halfSeconds);
            }
            s.setObject(5, userId);
            s.setInt(6, days);
            s.setObject(7, userId);
            s.setObject(8, userId);
            s.setInt(9, days);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return new Activity(r.getLong(1), r.getLong(2), r.getLong(3), r.getLong(4), r.getLong(5), r.getLong(6));
            }
        });
    }

    public List<FrequentlyRead> frequentlyRead(UUID userId, int days, int limit) {
        return jdbc.prepareStatement("SELECT memory_id, count(*), max(accessed_at) FROM memory_accesses "
                + "WHERE user_id = ? AND accessed_at >= now() - make_interval(days => ?) "
                + "GROUP BY memory_id ORDER BY count(*) DESC, max(accessed_at) DESC LIMIT ?", s -> {
            s.setObject(1, userId);
            s.setInt(2, days);
            s.setInt(3, limit);
            List<FrequentlyRead> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Timestamp last = r.getTimestamp(3);
                    rows.add(new FrequentlyRead(r.getObject(1, UUID.class), r.getLong(2), last.toInstant()));
                }
            }
            return rows;
        });
    }

    /** Reads per memory in each part of the day (UTC): morning 5–12, afternoon 12–17, evening 17–22, night. */
    public List<PeriodReads> readsByPeriod(UUID userId, int days) {
        return jdbc.prepareStatement("SELECT period, memory_id, count(*) FROM (SELECT memory_id, CASE "
                + "WHEN h >= 5 AND h < 12 THEN 'morning' WHEN h >= 12 AND h < 17 THEN 'afternoon' "
                + "WHEN h >= 17 AND h < 22 THEN 'evening' ELSE 'night' END AS period FROM (SELECT memory_id, "
                + "CAST(extract(hour FROM accessed_at AT TIME ZONE 'UTC') AS integer) AS h FROM memory_accesses "
                + "WHERE user_id = ? AND accessed_at >= now() - make_interval(days => ?)) hours) periods "
                + "GROUP BY period, memory_id ORDER BY period, count(*) DESC", s -> {
            s.setObject(1, userId);
            s.setInt(2, days);
            List<PeriodReads> rows = new ArrayList<>();
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    rows.add(new PeriodReads(r.getString(1), r.getObject(2, UUID.class), r.getLong(3)));
                }
            }
            return rows;
        });
    }
}
