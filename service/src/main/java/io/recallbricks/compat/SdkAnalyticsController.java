package io.recallbricks.compat;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.recallbricks.auth.Caller;
import io.recallbricks.learning.LearningController;
import io.recallbricks.learning.LearningRepository;
import io.recallbricks.retrieval.Scoring;
import io.recallbricks.web.ApiException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The TypeScript SDK's analytics routes. {@code /analytics/learning-metrics} answers exactly what
 * {@code /learning/metrics} answers (the original's fields and the SDKs'); {@code /analytics/patterns} is the
 * SDK's pattern analysis over the caller's recorded reads.
 */
@Controller("/api/v1/analytics")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SdkAnalyticsController {

    static final int TOP = 10;
    static final int PAIRS = 20;

    private final LearningController learning;
    private final LearningRepository learningData;
    private final AnalyticsRepository analytics;

    public SdkAnalyticsController(LearningController learning, LearningRepository learningData, AnalyticsRepository analytics) {
        this.learning = learning;
        this.learningData = learningData;
        this.analytics = analytics;
    }

    /** The learning controller computes the metrics itself (no service behind it): asking it keeps one computation. */
    @Get("/learning-metrics")
    public SdkLearningMetrics learningMetrics(Caller caller, @Nullable @QueryValue String days) {
        LearningController.Metrics original = learning.metrics(caller, days, null);
        return SdkLearningMetrics.of(original, analytics.activity(caller.userId(), original.timeRange().days()));
    }

    @Get("/patterns")
    public SdkPatterns patterns(Caller caller, @Nullable @QueryValue String days) {
        int window = days(days);
        List<SdkPatterns.FrequentlyAccessed> frequent = analytics.frequentlyRead(caller.userId(), window, TOP).stream()
                .map(r -> new SdkPatterns.FrequentlyAccessed(r.memoryId(), r.reads(), r.lastRead())).toList();
        List<LearningRepository.CoAccessPair> pairs = learningData.coAccessPairs(caller.userId(), 1, PAIRS);
        int strongest = pairs.stream().mapToInt(LearningRepository.CoAccessPair::count).max().orElse(1);
        List<SdkPatterns.CoAccess> together = pairs.stream()
                .map(p -> new SdkPatterns.CoAccess(List.of(p.a(), p.b()), p.count(), Scoring.round(p.count() / (double) strongest, 4)))
                .toList();
        Map<String, SdkPatterns.Temporal> periods = new LinkedHashMap<>();
        for (AnalyticsRepository.PeriodReads reads : analytics.readsByPeriod(caller.userId(), window)) {
            SdkPatterns.Temporal period = periods.getOrDefault(reads.period(),
                    new SdkPatterns.Temporal(reads.period(), new ArrayList<>(), 0));
            if (period.memoryIds().size() < TOP) {
                period.memoryIds().add(reads.memoryId());
            }
            periods.put(reads.period(), new SdkPatterns.Temporal(reads.period(), period.memoryIds(),
                    period.frequency() + reads.reads()));
        }
        return new SdkPatterns(frequent, together, List.copyOf(periods.values()), window);
    }

    /** The original's bounds for {@code days}: 1 to 365, default 30. */
    static int days(String days) {
        if (days == null || days.isBlank()) {
            return 30;
        }
        try {
            int value = Integer.parseInt(days.trim());
            if (value >= 1 && value <= 365) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ApiException.invalidParameter("days", "days must be a whole number between 1 and 365.");
    }
}
