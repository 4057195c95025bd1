package io.recallbricks.alerts;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.recallbricks.resilience.BreakerMetrics;
import io.recallbricks.resilience.Breakers;
import io.recallbricks.sla.RequestOutcomes;
import io.recallbricks.sla.SlaSettings;
import io.recallbricks.sla.WindowSummary;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The deployment guide's six alert rules, with the same names, severities and {@code for} durations as the shipped
 * {@code deploy/prometheus/alerts.yml}, and the same corrections: the error rate is a ratio of requests (the guide
 * compared an absolute rate of errors per second with 0.01), and pool pressure is active/max connections (the guide
 * compared a 10-connection pool with 150).
 */
@Singleton
class AlertRules {

    static final double ERROR_RATIO = 0.01;
    static final double P95_SECONDS = 0.5;
    static final double CACHE_HIT_RATIO = 0.5;
    static final double POOL_RATIO = 0.9;

    private final RequestOutcomes outcomes;
    private final Breakers breakers;
    private final MeterRegistry registry;
    private final SlaSettings sla;
    private final AlertSettings settings;
    // Counter samples of the cache meters, to turn totals into rates over the window (as rate() does).
    private final Deque<CacheSample> cacheSamples = new ArrayDeque<>();

    private record CacheSample(long nanos, Map<String, double[]> hitsAndMisses) {
    }

    AlertRules(RequestOutcomes outcomes, Breakers breakers, MeterRegistry registry, SlaSettings sla,
               AlertSettings settings) {
        this.outcomes = outcomes;
        this.breakers = breakers;
        this.registry = registry;
        this.sla = sla;
        this.settings = settings;
    }

    List<AlertRule> all() {
        return List.of(
                new AlertRule("HighErrorRate", "critical", Duration.ofMinutes(2), "High error rate detected",
                        this::highErrorRate),
                new AlertRule("HighLatencyP95", "warning", Duration.ofMinutes(5), "High P95 latency",
                        this::highLatency),
                new AlertRule("CircuitBreakerOpen", "critical", Duration.ofMinutes(1), "Circuit breaker is open",
                        this::breakerOpen),
                new AlertRule("LowCacheHitRate", "warning", Duration.ofMinutes(10), "Low cache hit rate",
                        this::lowCacheHitRate),
                new AlertRule("DatabaseConnectionPoolHigh", "warning", Duration.ofMinutes(5),
                        "Database connection pool near exhaustion", this::poolHigh),
                new AlertRule("SLAViolation", "critical", Duration.ofMinutes(5),
                        "SLA violation - availability below target", this::slaViolation));
    }

    private List<AlertRule.Sample> highErrorRate() {
        WindowSummary window = outcomes.summary(settings.rateWindow());
        return window.requests() > 0 && window.errorRatio() > ERROR_RATIO
                ? List.of(AlertRule.Sample.of(window.errorRatio())) : List.of();
    }

    private List<AlertRule.Sample> highLatency() {
        WindowSummary window = outcomes.summary(settings.rateWindow());
        return window.p95Seconds() != null && window.p95Seconds() > P95_SECONDS
                ? List.of(AlertRule.Sample.of(window.p95Seconds())) : List.of();
    }

    private List<AlertRule.Sample> breakerOpen() {
        List<AlertRule.Sample> open = new ArrayList<>();
        breakers.all().forEach(breaker -> {
            double state = BreakerMetrics.stateValue(breaker);
            if (state > 1) {
                open.add(new AlertRule.Sample(Map.of("breaker_name", breaker.getName()), state));
            }
        });
        return open;
    }

    private synchronized List<AlertRule.Sample> lowCacheHitRate() {
        long now = System.nanoTime();
        Map<String, double[]> totals = new HashMap<>();
        for (Counter hits : registry.find("cache.hits").counters()) {
            totals.computeIfAbsent(hits.getId().getTag("cache"), c -> new double[2])[0] += hits.count();
        }
        for (Counter misses : registry.find("cache.misses").counters()) {
            totals.computeIfAbsent(misses.getId().getTag("cache"), c -> new double[2])[1] += misses.count();
        }
        cacheSamples.addLast(new CacheSample(now, totals));
        while (cacheSamples.size() > 1 && now - cacheSamples.peekFirst().nanos() > settings.rateWindow().toNanos()) {
            cacheSamples.removeFirst();
        }
        Map<String, double[]> oldest = cacheSamples.peekFirst().hitsAndMisses();
        List<AlertRule.Sample> low = new ArrayList<>();
        totals.forEach((cache, current) -> {
            double[] before = oldest.getOrDefault(cache, new double[2]);
            double hits = current[0] - before[0];
            double lookups = hits + current[1] - before[1];
            if (lookups > 0 && hits / lookups < CACHE_HIT_RATIO) {
                low.add(new AlertRule.Sample(Map.of("cache", cache), hits / lookups));
            }
        });
        return low;
    }

    private List<AlertRule.Sample> poolHigh() {
        Gauge active = registry.find("db.connections.active").gauge();
        Gauge max = registry.find("db.connections.max").gauge();
        if (active == null || max == null || max.value() <= 0) {
            return List.of();
        }
        double ratio = active.value() / max.value();
        return ratio > POOL_RATIO ? List.of(AlertRule.Sample.of(ratio)) : List.of();
    }

    private List<AlertRule.Sample> slaViolation() {
        WindowSummary window = outcomes.summary(settings.rateWindow());
        double availability = 1.0 - window.errorRatio();
        return window.requests() > 0 && availability < sla.availabilityTarget() / 100.0
                ? List.of(AlertRule.Sample.of(availability)) : List.of();
    }
}
