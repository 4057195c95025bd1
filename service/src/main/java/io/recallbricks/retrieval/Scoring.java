package io.recallbricks.retrieval;

import java.time.Duration;
import java.time.Instant;

/**
 * The original's scoring formulas (reference §3.3–§3.5), pure functions so they can be tested and benchmarked
 * alone. Two of its defects are fixed: a recency or helpfulness of 0 counts as 0 (not 0.5), and the age penalty
 * starts at 90 days since the last access, as documented (not 30).
 */
public final class Scoring {

    public static final double SIMILARITY_WEIGHT = 0.4;
    public static final double RECENT_BOOST = 1.2;
    public static final double OLD_PENALTY = 0.7;
    public static final int RECENT_DAYS = 7;
    public static final int OLD_DAYS = 90;

    private Scoring() {
    }

    /** Usage normalised to [0, 1] on a log scale: 99 uses and more count as 1. */
    public static double usage(int usageCount) {
        return Math.min(Math.log(usageCount + 1.0) / Math.log(100), 1.0);
    }

    /** {@code 0.4·similarity + usage·w_usage + recency·w_recency + helpfulness·w_helpfulness}. */
    public static double weighted(double similarity, int usageCount, double recency, double helpfulness, Weights weights) {
        return SIMILARITY_WEIGHT * similarity + usage(usageCount) * weights.usage() + recency * weights.recency()
                + helpfulness * weights.helpfulness();
    }

    /** ×1.2 when accessed within a week, ×0.7 when last accessed 90 days ago or more, else ×1 (and never accessed). */
    public static double decay(Instant lastAccessed, Instant now) {
        if (lastAccessed == null) {
            return 1.0;
        }
        long days = Duration.between(lastAccessed, now).toDays();
        if (days <= RECENT_DAYS) {
            return RECENT_BOOST;
        }
        return days >= OLD_DAYS ? OLD_PENALTY : 1.0;
    }

    /** Predict's final confidence: the summed signals scaled by helpfulness, capped at 1. */
    public static double prediction(double signals, double helpfulness) {
        return Math.min(signals * (0.5 + 0.5 * helpfulness), 1.0);
    }

    public static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
