package io.recallbricks.perf.run;

import io.recallbricks.perf.workload.Endpoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Whether a phase held the deployment guide's request-level criteria on this injector: error rate below 1%, p95
 * of predict / suggest / search below 500 / 400 / 300 ms, p99 of all responses (every endpoint merged, as the
 * reports module reads "P99 latency, all") below 1000 ms, a good rate (OK responses completed inside the
 * arrival window, per second of it) of at least 95% of the offered one, every endpoint of the criteria answered
 * (an endpoint without responses fails its latency check rather than skipping it), and the injector on schedule.
 * The stress run uses it to find the break point while it runs; the release gate itself is the reports module's
 * versioned criteria file.
 */
public record StepCriteria(double maxErrorRate, Map<Endpoint, Double> p95MaxMs, double p99MaxMs,
                           double minAchievedShare) {

    public static final StepCriteria GUIDE = new StepCriteria(0.01,
            Map.of(Endpoint.PREDICT, 500.0, Endpoint.SUGGEST, 400.0, Endpoint.SEARCH, 300.0), 1000, 0.95);

    /** The criteria the phase missed; empty when it held. */
    public List<String> missed(PhaseResult r) {
        List<String> missed = new ArrayList<>();
        if (r.requests() == 0) {
            missed.add("no responses recorded");
            return missed;
        }
        if (r.errorRate() >= maxErrorRate) {
            missed.add(String.format("error rate %.2f%% >= %.2f%%", 100 * r.errorRate(), 100 * maxErrorRate));
        }
        new java.util.TreeMap<>(p95MaxMs).forEach((e, max) -> {
            Histogram h = r.latency().get(e);
            if (h == null || h.getTotalCount() == 0) {
                missed.add(e.tag + ": no responses");
            } else if (h.getValueAtPercentile(95) / 1000.0 >= max) {
                missed.add(String.format("%s p95 %.0f ms >= %.0f ms", e.tag, h.getValueAtPercentile(95) / 1000.0, max));
            }
        });
        Histogram all = new Histogram(3);
        r.latency().values().forEach(all::add);
        if (all.getValueAtPercentile(99) / 1000.0 >= p99MaxMs) {
            missed.add(String.format("p99 of all %.0f ms >= %.0f ms", all.getValueAtPercentile(99) / 1000.0, p99MaxMs));
        }
        double intended = r.spec().load().rps();
        if (r.goodRps() < intended * minAchievedShare) {
            missed.add(String.format("good %.1f rps < %.0f%% of %.0f rps", r.goodRps(), 100 * minAchievedShare,
                    intended));
        }
        if (r.injector() != null && r.injector().bound()) {
            missed.add("injector-bound: " + r.injector().whyText());
        }
        return missed;
    }
}
