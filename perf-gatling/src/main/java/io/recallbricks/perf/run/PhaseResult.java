package io.recallbricks.perf.run;

import io.recallbricks.perf.config.PhaseSpec;
import io.recallbricks.perf.record.InjectorCheck;
import io.recallbricks.perf.record.Outcomes;
import io.recallbricks.perf.workload.Endpoint;
import java.time.Instant;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * What one phase measured on this injector (latencies in microseconds). {@code goodRps}: OK responses to requests
 * sent inside the arrival window that completed inside it, per second of the window; {@code injector}: whether the
 * injector kept its schedule; {@code cpuShares}: each local process's CPU as a share of the machine (may be empty);
 * {@code machineBusy}: the whole machine's busy share, from any process (null when unknown).
 */
public record PhaseResult(PhaseSpec spec, Instant startedAt, Instant finishedAt, Map<Endpoint, Histogram> latency,
                          Outcomes outcomes, double achievedRps, double goodRps, InjectorCheck.Load injector,
                          Map<String, Double> cpuShares, Double machineBusy) {

    public long requests() {
        return outcomes.total();
    }

    public double errorRate() {
        return requests() == 0 ? 0 : (double) outcomes.failures() / requests();
    }
}
