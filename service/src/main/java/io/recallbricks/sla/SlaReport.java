package io.recallbricks.sla;

import jakarta.inject.Singleton;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The SLA of a period from real request outcomes: availability (share of requests not answered 5xx), error rate,
 * p50/p95/p99 overall and per route, each against its target, and whether all of it is met.
 */
@Singleton
public class SlaReport {

    private final RequestOutcomes outcomes;
    private final SlaSettings targets;

    public SlaReport(RequestOutcomes outcomes, SlaSettings targets) {
        this.outcomes = outcomes;
        this.targets = targets;
    }

    public Map<String, Object> of(String label, Duration period) {
        Map<String, LatencyHistogram> routes = new TreeMap<>(outcomes.window(period));
        LatencyHistogram total = new LatencyHistogram();
        routes.values().forEach(histogram -> histogram.addTo(total));

        long requests = total.requests();
        long errors = total.serverErrors();
        double availability = requests == 0 ? 100.0 : round(100.0 * (requests - errors) / requests, 3);
        double errorRate = requests == 0 ? 0.0 : round(100.0 * errors / requests, 3);
        boolean availabilityMet = availability >= targets.availabilityTarget();
        boolean errorRateMet = errorRate < targets.errorRateTarget();

        Double p95 = total.percentileMillis(0.95);
        Double p99 = total.percentileMillis(0.99);
        boolean latencyMet = (p95 == null || p95 <= targets.p95TargetMs()) && (p99 == null || p99 <= targets.p99TargetMs());

        List<Map<String, Object>> perRoute = new ArrayList<>();
        boolean routesMet = true;
        for (Map.Entry<String, LatencyHistogram> entry : routes.entrySet()) {
            Map<String, Object> route = route(entry.getKey(), entry.getValue());
            routesMet &= (Boolean) route.get("met");
            perRoute.add(route);
        }

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("period", label);
        body.put("from", Instant.now().minus(period).toString());
        body.put("to", Instant.now().toString());
        // A period longer than this instance has been up is judged on the part it saw.
        body.put("complete", outcomes.uptime().compareTo(period) >= 0);
        body.put("total_requests", requests);
        body.put("availability", Map.of("target", targets.availabilityTarget(), "actual", availability,
                "met", availabilityMet, "downtime_minutes", round((100.0 - availability) / 100.0 * period.toMinutes(), 2)));
        body.put("error_rate", Map.of("target", targets.errorRateTarget(), "actual", errorRate, "met", errorRateMet,
                "total_errors", errors, "total_requests", requests));
        Map<String, Object> latency = new LinkedHashMap<>();
        latency.put("p50_ms", total.percentileMillis(0.50));
        latency.put("p95_ms", p95);
        latency.put("p99_ms", p99);
        latency.put("target_p95_ms", targets.p95TargetMs());
        latency.put("target_p99_ms", targets.p99TargetMs());
        latency.put("met", latencyMet);
        body.put("latency", latency);
        body.put("routes", perRoute);
        body.put("overall_sla_met", availabilityMet && errorRateMet && latencyMet && routesMet);
        return body;
    }

    private Map<String, Object> route(String name, LatencyHistogram histogram) {
        int target = targets.p95TargetFor(name);
        Double p95 = histogram.percentileMillis(0.95);
        double errorRate = round(100.0 * histogram.serverErrors() / histogram.requests(), 3);
        Map<String, Object> route = new LinkedHashMap<>();
        route.put("route", name);
        route.put("requests", histogram.requests());
        route.put("errors", histogram.serverErrors());
        route.put("error_rate", errorRate);
        route.put("p50_ms", histogram.percentileMillis(0.50));
        route.put("p95_ms", p95);
        route.put("p99_ms", histogram.percentileMillis(0.99));
        route.put("target_p95_ms", target);
        route.put("met", p95 != null && p95 <= target && errorRate < targets.errorRateTarget());
        return route;
    }

    private static double round(double value, int decimals) {
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
