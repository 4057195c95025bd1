package io.recallbricks.sla;

import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Map;

/**
 * Every API request's route, status and latency, kept in sliding windows at three resolutions (seconds for the
 * last 15 minutes, minutes for the last day, hours for the last 30 days). {@code /sla} and the in-process alert
 * rules read them; PostgreSQL is never asked (the original's audit-log feedback loop is gone).
 */
@Singleton
public class RequestOutcomes {

    private final OutcomeRing seconds = new OutcomeRing(1_000, 900);
    private final OutcomeRing minutes = new OutcomeRing(60_000, 1_440);
    private final OutcomeRing hours = new OutcomeRing(3_600_000, 720);
    private final long startedAtMillis = System.currentTimeMillis();

    /** {@code route} is "METHOD /route/{template}". */
    public void record(String route, int status, long micros) {
        long now = System.currentTimeMillis();
        boolean serverError = status >= 500;
        seconds.record(now, route, micros, serverError);
        minutes.record(now, route, micros, serverError);
        hours.record(now, route, micros, serverError);
    }

    /** Outcomes of the last {@code period} per route, from the finest ring that covers it. */
    Map<String, LatencyHistogram> window(Duration period) {
        long millis = period.toMillis();
        OutcomeRing ring = millis <= seconds.spanMillis() ? seconds : millis <= minutes.spanMillis() ? minutes : hours;
        return ring.window(System.currentTimeMillis(), millis);
    }

    /** A route-independent total of {@link #window}. */
    LatencyHistogram total(Duration period) {
        LatencyHistogram total = new LatencyHistogram();
        window(period).values().forEach(histogram -> histogram.addTo(total));
        return total;
    }

    /** Requests, 5xx answers and p95 of every API request of the last {@code period}. */
    public WindowSummary summary(Duration period) {
        LatencyHistogram total = total(period);
        Double p95 = total.percentileMillis(0.95);
        return new WindowSummary(total.requests(), total.serverErrors(), p95 == null ? null : p95 / 1000.0);
    }

    Duration uptime() {
        return Duration.ofMillis(System.currentTimeMillis() - startedAtMillis);
    }
}
