package io.recallbricks.perf.run;

import io.recallbricks.perf.config.PhaseSpec;
import io.recallbricks.perf.record.Outcomes;
import io.recallbricks.perf.workload.Endpoint;
import java.time.Instant;
import java.util.Map;
import org.HdrHistogram.Histogram;

/** What one phase measured on this injector (latencies in microseconds). */
public record PhaseResult(PhaseSpec spec, Instant startedAt, Instant finishedAt, Map<Endpoint, Histogram> latency,
                          Outcomes outcomes, double achievedRps) {

    public long requests() {
        return outcomes.total();
    }

    public double errorRate() {
        return requests() == 0 ? 0 : (double) outcomes.failures() / requests();
    }
}
