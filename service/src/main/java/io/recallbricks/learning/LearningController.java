package io.recallbricks.learning;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.recallbricks.auth.Caller;
import io.recallbricks.web.ApiException;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The learning routes: metrics time series, maintenance suggestions, and the analysis of the caller's data. */
@Controller("/api/v1/learning")
@ExecuteOn(TaskExecutors.BLOCKING)
public class LearningController {

    static final Set<String> METRIC_TYPES = Set.of("search_accuracy", "prediction_accuracy", "avg_helpfulness",
            "user_satisfaction", "relationship_quality");

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record AnalyzeBody(@Nullable Boolean autoApply) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record AnalyzeResponse(boolean success, LearningAnalyzer.Result result) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record DataPoint(double value, Instant recordedAt) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Series(String metricType, List<DataPoint> data) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Trend(double firstValue, double lastValue, double change, double percentChange, String trend, int dataPoints) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CurrentStats(double avgHelpfulness, long totalUsage, long activeMemories, long totalMemories) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record TimeRange(int days, Instant from, Instant to) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Metrics(List<Series> timeSeries, Map<String, Trend> trends, CurrentStats currentStats,
                          Map<String, Object> learningParams, long activePatterns, TimeRange timeRange) {
    }

    private final LearningRepository repository;
    private final LearningAnalyzer analyzer;
    private final MaintenanceService maintenance;

    public LearningController(LearningRepository repository, LearningAnalyzer analyzer, MaintenanceService maintenance) {
        this.repository = repository;
        this.analyzer = analyzer;
        this.maintenance = maintenance;
    }

    /** Runs the learning cycle on the caller's data (never on other tenants'). */
    @Post("/analyze")
    public AnalyzeResponse analyze(Caller caller, @Nullable @Body AnalyzeBody body) {
        return new AnalyzeResponse(true, analyzer.analyze(caller.userId(), body != null && Boolean.TRUE.equals(body.autoApply())));
    }

    @Get("/maintenance-suggestions")
    public MaintenanceReport maintenanceSuggestions(Caller caller) {
        return maintenance.report(caller.userId());
    }

    @Get("/metrics")
    public Metrics metrics(Caller caller, @Nullable @QueryValue String days, @Nullable @QueryValue("metric_type") String metricType) {
        int window = days(days);
        if (metricType != null && !METRIC_TYPES.contains(metricType)) {
            throw ApiException.invalidParameter("metric_type", "metric_type must be one of " + METRIC_TYPES + ".");
        }
        Map<String, List<DataPoint>> byType = new LinkedHashMap<>();
        for (LearningRepository.Point point : repository.series(caller.userId(), window, metricType)) {
            byType.computeIfAbsent(point.metricType(), t -> new ArrayList<>()).add(new DataPoint(point.value(), point.recordedAt()));
        }
        List<Series> series = new ArrayList<>();
        Map<String, Trend> trends = new LinkedHashMap<>();
        byType.forEach((type, data) -> {
            series.add(new Series(type, data));
            if (data.size() >= 2) {
                trends.put(type, trend(data));
            }
        });
        LearningRepository.Stats stats = repository.stats(caller.userId());
        Instant now = Instant.now();
        return new Metrics(series, trends,
                new CurrentStats(Math.round(stats.avgHelpfulness() * 100) / 100.0, stats.totalUsage(), stats.activeMemories(),
                        stats.totalMemories()),
                repository.learningParams(caller.userId()), repository.activePatterns(caller.userId(), window),
                new TimeRange(window, now.minus(window, ChronoUnit.DAYS), now));
    }

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

    private static Trend trend(List<DataPoint> data) {
        double first = data.get(0).value();
        double last = data.get(data.size() - 1).value();
        double change = last - first;
        double percent = first == 0 ? 0 : change / first * 100;
        String direction = Math.abs(change) < 0.01 ? "stable" : change > 0 ? "improving" : "declining";
        return new Trend(first, last, Math.round(change * 1000) / 1000.0, Math.round(percent * 10) / 10.0, direction, data.size());
    }
}
