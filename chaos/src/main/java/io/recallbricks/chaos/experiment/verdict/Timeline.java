package io.recallbricks.chaos.experiment.verdict;

import io.recallbricks.chaos.experiment.load.ResponseRecord;
import io.recallbricks.chaos.experiment.observe.ServiceSample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The experiment second by second (requests by start time): what a person reads to see where it went wrong. */
public final class Timeline {

    private Timeline() {
    }

    /**
     * @param second   seconds from the injection (negative: steady state)
     * @param breakers the last sample of that second, from /metrics (null if none answered)
     */
    public record Second(int second, int requests, int ko, long p95Ms, Map<String, String> breakers) {
    }

    public static List<Second> of(Observation o) {
        List<Second> out = new ArrayList<>();
        int first = (int) Math.floorDiv(o.steadyStartMs() - o.injectedAtMs(), 1000L);
        int last = (int) Math.floorDiv(o.endMs() - o.injectedAtMs(), 1000L);
        for (int s = first; s <= last; s++) {
            long from = o.injectedAtMs() + s * 1000L;
            List<ResponseRecord> bucket = o.between(from, from + 1000);
            Map<String, String> breakers = null;
            for (ServiceSample sample : o.samples()) {
                if (sample.tMs() >= from && sample.tMs() < from + 1000 && sample.metricsBreakers() != null) {
                    breakers = sample.metricsBreakers();
                }
            }
            out.add(new Second(s, bucket.size(), (int) bucket.stream().filter(r -> !r.ok()).count(),
                    Stats.percentileMs(bucket, 95), breakers));
        }
        return out;
    }
}
