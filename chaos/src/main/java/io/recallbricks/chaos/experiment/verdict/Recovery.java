package io.recallbricks.chaos.experiment.verdict;

import io.recallbricks.chaos.experiment.load.ResponseRecord;

import java.util.List;

/**
 * Time to recover (MTTR): from the fault's removal to the start of the first second from which every second, for at
 * least the stable window, has an error rate and a p95 back within the steady-state limits. Seconds are buckets of
 * request start times.
 *
 * <p>Limits: error rate at most max(1 %, twice the steady state's); p95 at most max(twice the steady p95, steady p95
 * + 200 ms), since a two-core machine shared with builds makes single seconds noisy.
 */
public final class Recovery {

    private Recovery() {
    }

    public record Limits(double maxErrorRatePercent, long maxP95Ms) {
        public static Limits fromSteady(List<ResponseRecord> steady) {
            double errors = Stats.errorRatePercent(steady);
            long p95 = Stats.percentileMs(steady, 95);
            return new Limits(Math.max(1.0, 2 * errors), Math.max(2 * p95, p95 + 200));
        }

        public boolean holds(List<ResponseRecord> responses) {
            return Stats.errorRatePercent(responses) <= maxErrorRatePercent
                    && Stats.percentileMs(responses, 95) <= maxP95Ms;
        }
    }

    /**
     * Seconds from {@code removedAtMs} to recovery, or null when the responses up to {@code untilMs} do not show a
     * stable window back within the limits.
     */
    public static Double mttrSeconds(List<ResponseRecord> responses, long removedAtMs, long untilMs, Limits limits,
                                     long stableWindowMs) {
        int seconds = (int) ((untilMs - removedAtMs) / 1000);
        int stableSeconds = (int) Math.max(1, stableWindowMs / 1000);
        Integer firstGood = null;
        for (int s = 0; s < seconds; s++) {
            long from = removedAtMs + s * 1000L;
            List<ResponseRecord> bucket = responses.stream()
                    .filter(r -> r.startMs() >= from && r.startMs() < from + 1000).toList();
            boolean good = !bucket.isEmpty() && limits.holds(bucket);
            if (!good) {
                firstGood = null;
            } else if (firstGood == null) {
                firstGood = s;
            }
            if (firstGood != null && s - firstGood + 1 >= stableSeconds) {
                return (double) firstGood;
            }
        }
        return null;
    }
}
