package io.recallbricks.reports.chaos;

import io.recallbricks.reports.run.EndpointOutcome;

import java.time.Instant;
import java.util.List;

/**
 * What the Resilience section shows of one chaos journal. Field sources are listed in reports/README.md
 * ("Chaos journals"); anything the journal does not carry is null.
 *
 * @param passed       the verdict: the extension's {@code verdict}, else status "completed" and not deviated
 * @param requestsDuringFault responses between the fault's injection and removal, by outcome
 * @param mttrSeconds  time from the fault's removal until error rate and p95 were back to steady state
 */
public record Experiment(
        String file,
        String title,
        boolean passed,
        String status,
        Boolean deviated,
        Instant start,
        Instant end,
        String fault,
        Instant faultInjectedAt,
        Instant faultRemovedAt,
        List<BreakerTransition> breakerTransitions,
        EndpointOutcome requestsDuringFault,
        Writes writes,
        Double mttrSeconds,
        Double mttrBoundSeconds,
        List<String> deviations) {

    public Experiment {
        breakerTransitions = breakerTransitions == null ? List.of() : List.copyOf(breakerTransitions);
        deviations = deviations == null ? List.of() : List.copyOf(deviations);
    }

    /** A circuit breaker changing state, as observed in /metrics or /health. */
    public record BreakerTransition(Instant t, String breaker, String from, String to) {
    }

    /**
     * The write-safety count: every write acknowledged (2xx) must be found intact afterwards; every other write
     * must be absent or complete, never half-written.
     */
    public record Writes(long acknowledged, long verifiedIntact, long unacknowledged, long halfWritten) {
        public long lost() {
            return acknowledged - verifiedIntact;
        }
    }
}
