package io.recallbricks.compat;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.recallbricks.learning.LearningController;
import io.recallbricks.retrieval.Scoring;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Learning metrics for every client: the original's fields ({@code time_series, trends, current_stats,
 * learning_params, active_patterns, time_range}) and, at top level, the SDKs' ({@code avg_helpfulness,
 * total_usage, active_memories, total_memories}, copied from {@code current_stats}).
 *
 * <p>{@code trends} keeps the original's entries (one object per metric type with at least two data points) and
 * adds the SDKs' keys: {@code helpfulness_trend} (improving/declining/stable, from the {@code avg_helpfulness}
 * series), {@code usage_trend} (increasing/decreasing/stable) and {@code active_memories_trend}
 * (growing/shrinking/stable), comparing reads in the newer half of the window with the older half (a change under
 * 10% is stable), and {@code growth_rate}: memories created in the window per memory that existed before it.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SdkLearningMetrics(List<LearningController.Series> timeSeries, Map<String, Object> trends,
                                 LearningController.CurrentStats currentStats, Map<String, Object> learningParams,
                                 long activePatterns, LearningController.TimeRange timeRange,
                                 double avgHelpfulness, long totalUsage, long activeMemories, long totalMemories) {

    static final double STABLE_BAND = 0.1;

    public static SdkLearningMetrics of(LearningController.Metrics original, AnalyticsRepository.Activity activity) {
        Map<String, Object> trends = new LinkedHashMap<>(original.trends());
        LearningController.Trend helpfulness = original.trends().get("avg_helpfulness");
        trends.put("helpfulness_trend", helpfulness == null ? "stable" : helpfulness.trend());
        trends.put("usage_trend", direction(activity.olderReads(), activity.newerReads(), "increasing", "decreasing"));
        trends.put("active_memories_trend", direction(activity.olderActive(), activity.newerActive(), "growing", "shrinking"));
        trends.put("growth_rate", growthRate(activity.created(), activity.total()));
        LearningController.CurrentStats stats = original.currentStats();
        return new SdkLearningMetrics(original.timeSeries(), trends, stats, original.learningParams(),
                original.activePatterns(), original.timeRange(), stats.avgHelpfulness(), stats.totalUsage(),
                stats.activeMemories(), stats.totalMemories());
    }

    static String direction(long older, long newer, String up, String down) {
        if (older == 0 && newer == 0) {
            return "stable";
        }
        double change = (newer - older) / (double) Math.max(older, 1);
        return change > STABLE_BAND ? up : change < -STABLE_BAND ? down : "stable";
    }

    static double growthRate(long created, long total) {
        long before = total - created;
        return before <= 0 ? (created > 0 ? 1.0 : 0.0) : Scoring.round(created / (double) before, 4);
    }
}
