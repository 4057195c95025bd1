package io.recallbricks.memory;

import java.time.Duration;
import java.time.Instant;

/**
 * The derived usage analytics of the original's {@code memory_analytics} view, computed from a memory's own
 * columns: frequency bucket, recency bucket and days since the last access. Search weighting, suggest, predict and
 * maintenance all score with these.
 */
public final class MemoryAnalytics {

    private MemoryAnalytics() {
    }

    public static String accessFrequency(int usageCount) {
        if (usageCount > 50) {
            return "very_high";
        }
        if (usageCount > 20) {
            return "high";
        }
        if (usageCount > 5) {
            return "medium";
        }
        return usageCount > 0 ? "low" : "unused";
    }

    /** 1.0 within a week, 0.8 within a month, 0.5 within a quarter, 0.3 after; 0 when never accessed. */
    public static double recencyScore(Instant lastAccessed, Instant now) {
        if (lastAccessed == null) {
            return 0.0;
        }
        Duration age = Duration.between(lastAccessed, now);
        if (age.compareTo(Duration.ofDays(7)) < 0) {
            return 1.0;
        }
        if (age.compareTo(Duration.ofDays(30)) < 0) {
            return 0.8;
        }
        return age.compareTo(Duration.ofDays(90)) < 0 ? 0.5 : 0.3;
    }

    /** Whole days since the last access, or null when never accessed. */
    public static Integer daysSinceAccess(Instant lastAccessed, Instant now) {
        return lastAccessed == null ? null : (int) Duration.between(lastAccessed, now).toDays();
    }
}
