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

    /** All endpoints' outcomes added up. */
    public Optional<EndpointOutcome> totalOutcome() {
        return outcomes.map(m -> m.values().stream().reduce(EndpointOutcome.NONE, EndpointOutcome::plus));
    }
}
