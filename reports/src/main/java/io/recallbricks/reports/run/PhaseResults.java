package io.recallbricks.reports.run;

import java.util.Map;
import java.util.Optional;

/**
 * What the load suite recorded for one phase. Each part is empty when its files are absent.
 *
 * @param info     the phase's entry in run.json (empty for a folder run.json does not list)
 * @param latency  the merged interval logs
 * @param outcomes OK/KO and status counts per endpoint, summed over the injectors' outcome files
 */
public record PhaseResults(String name, Optional<RunInfo.Phase> info, Optional<PhaseLatency> latency,
                           Optional<Map<String, EndpointOutcome>> outcomes) {

    /**
     * The seconds a rate of this phase is counted over: run.json's arrival window, else the span of the interval
     * logs; empty without logs.
     */
    public Optional<Double> rateSeconds() {
        return latency.map(l -> info.flatMap(RunInfo.Phase::arrivalWindow).map(d -> d.toMillis() / 1000.0)
                .orElse((l.lastMs() - l.firstMs()) / 1000.0));
    }

    /** All endpoints' outcomes added up. */
    public Optional<EndpointOutcome> totalOutcome() {
        return outcomes.map(m -> m.values().stream().reduce(EndpointOutcome.NONE, EndpointOutcome::plus));
    }
}
