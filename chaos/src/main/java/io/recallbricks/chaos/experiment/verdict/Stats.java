package io.recallbricks.chaos.experiment.verdict;

import io.recallbricks.chaos.experiment.load.ResponseRecord;

import java.util.Arrays;
import java.util.List;

/** Error rate and percentiles of a set of responses (nearest rank: the value reported is one measured). */
public final class Stats {

    private Stats() {
    }

    public static double errorRatePercent(List<ResponseRecord> responses) {
        if (responses.isEmpty()) {
            return 0;
        }
        return 100.0 * responses.stream().filter(r -> !r.ok()).count() / responses.size();
    }

    /** The percentile of the latencies in ms; 0 for no responses. */
    public static long percentileMs(List<ResponseRecord> responses, double percentile) {
        if (responses.isEmpty()) {
            return 0;
        }
        long[] latencies = responses.stream().mapToLong(ResponseRecord::latencyMs).toArray();
        Arrays.sort(latencies);
        int rank = (int) Math.ceil(percentile / 100.0 * latencies.length);
        return latencies[Math.max(0, Math.min(latencies.length - 1, rank - 1))];
    }

    public static long maxMs(List<ResponseRecord> responses) {
        return responses.stream().mapToLong(ResponseRecord::latencyMs).max().orElse(0);
    }
}
