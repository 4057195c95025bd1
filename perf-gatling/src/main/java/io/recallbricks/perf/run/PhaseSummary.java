package io.recallbricks.perf.run;

import io.recallbricks.perf.workload.Endpoint;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** The table printed after each phase: requests, KOs and latency percentiles per endpoint. */
final class PhaseSummary {

    private PhaseSummary() {
    }

    static String format(PhaseResult r) {
        StringBuilder out = new StringBuilder();
        out.append(String.format("  %-17s %8s %7s %9s %9s %9s %9s%n", "endpoint", "requests", "KO", "p50 ms", "p95 ms",
                "p99 ms", "max ms"));
        for (Map.Entry<Endpoint, Histogram> e : r.latency().entrySet()) {
            Histogram h = e.getValue();
            @SuppressWarnings("unchecked")
            Map<String, Object> counts = (Map<String, Object>) r.outcomes().toJson().get(e.getKey().tag);
            out.append(String.format("  %-17s %8d %7s %9.1f %9.1f %9.1f %9.1f%n", e.getKey().tag, h.getTotalCount(),
                    counts == null ? "0" : counts.get("ko"), ms(h, 50), ms(h, 95), ms(h, 99), h.getMaxValue() / 1000.0));
        }
        String intended = r.spec().role().equals("warmup")
                ? String.format("a ramp from %.0f to %.0f rps", r.spec().load().rps() / 10, r.spec().load().rps())
                : String.format("%.0f rps", r.spec().load().rps());
        out.append(String.format("  achieved %.1f rps of %s, error rate %.2f%%, statuses %s", r.achievedRps(),
                intended, 100 * r.errorRate(), statuses(r)));
        return out.toString();
    }

    private static String statuses(PhaseResult r) {
        Map<String, Long> all = new java.util.TreeMap<>();
        r.outcomes().toJson().values().forEach(v -> {
            @SuppressWarnings("unchecked")
            Map<String, Long> by = (Map<String, Long>) ((Map<String, Object>) v).get("byStatus");
            by.forEach((k, n) -> all.merge(k, n, Long::sum));
        });
        return all.toString();
    }

    private static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1000.0;
    }
}
