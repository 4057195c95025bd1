package io.recallbricks.learning;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.recallbricks.auth.Caller;
import io.recallbricks.memory.MemoryAnalytics;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.format.TextStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * {@code GET /api/v1/memories/meta/patterns}: the caller's usage patterns from recorded data (the original's
 * co-access pairs and access-time distributions were always empty; its relationship statistics covered every
 * tenant). {@code days} is honoured.
 */
@Controller("/api/v1/memories/meta")
@ExecuteOn(TaskExecutors.BLOCKING)
public class PatternsController {

    static final int TOGETHER_MIN = 3;

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record TagUse(String tag, double avgHelpfulness, long usageCount) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Together(List<UUID> memoryIds, int coAccessCount) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Underutilized(UUID id, String text, Integer daysSinceAccess, int usageCount) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record AccessTimes(Map<String, Long> hourlyDistribution, Map<String, Long> dailyDistribution) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Summary(long totalMemories, long totalAccesses, double avgHelpfulness, long activeMemories, long staleMemories) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Patterns(List<TagUse> mostUsefulTags, List<Together> frequentlyAccessedTogether,
                           List<Underutilized> underutilizedMemories, AccessTimes accessTimePatterns,
                           Map<String, Double> optimalRelationshipTypes, String summary, Summary summaryDetail,
                           int days) {
    }

    private final LearningRepository repository;

    public PatternsController(LearningRepository repository) {
        this.repository = repository;
    }

    @Get("/patterns")
    public Patterns patterns(Caller caller, @Nullable @QueryValue String days) {
        int window = LearningController.days(days);
        UUID userId = caller.userId();
        Map<String, Long> hourly = new LinkedHashMap<>();
        for (int hour = 0; hour < 24; hour++) {
            hourly.put(Integer.toString(hour), 0L);
        }
        Map<String, Long> daily = new LinkedHashMap<>();
        for (DayOfWeek day : DayOfWeek.values()) {
            daily.put(day.getDisplayName(TextStyle.FULL, Locale.ENGLISH), 0L);
        }
        for (LearningRepository.AccessCount count : repository.accessCounts(userId, window)) {
            hourly.merge(Integer.toString(count.hour()), count.count(), Long::sum);
            daily.merge(DayOfWeek.of(count.isoDay()).getDisplayName(TextStyle.FULL, Locale.ENGLISH), count.count(), Long::sum);
        }
        Instant now = Instant.now();
        LearningRepository.Stats stats = repository.stats(userId);
        return new Patterns(
                repository.usefulTags(userId, 10).stream()
                        .map(t -> new TagUse(t.tag(), Math.round(t.avgHelpfulness() * 1000) / 1000.0, t.usageCount())).toList(),
                repository.coAccessPairs(userId, TOGETHER_MIN, 20).stream()
                        .map(p -> new Together(List.of(p.a(), p.b()), p.count())).toList(),
                repository.underutilized(userId, 10).stream()
                        .map(m -> new Underutilized(m.id(), m.text().length() <= 100 ? m.text() : m.text().substring(0, 100) + "...",
                                MemoryAnalytics.daysSinceAccess(m.lastAccessed(), now), m.usageCount())).toList(),
                new AccessTimes(hourly, daily),
                repository.relationshipUsefulness(userId),
                summaryText(stats),
                new Summary(stats.totalMemories(), stats.totalUsage(), Math.round(stats.avgHelpfulness() * 1000) / 1000.0,
                        stats.recentlyActive(), stats.staleMemories()),
                window);
    }

    /**
     * The Python SDK reads {@code Patterns.summary} as a string; the figures the original sent there as an object
     * are {@code summary_detail}.
     */
    static String summaryText(LearningRepository.Stats stats) {
        return String.format(java.util.Locale.ROOT,
                "%d memories, %d accesses, average helpfulness %.2f; %d recently active, %d stale.",
                stats.totalMemories(), stats.totalUsage(), stats.avgHelpfulness(), stats.recentlyActive(),
                stats.staleMemories());
    }
}
