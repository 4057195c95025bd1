package io.recallbricks.perf.workload;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;

/**
 * One phase of the SLA run: the warm-up ramps the arrival rate up from a tenth of its target (so the service's
 * JIT and pools warm gradually); baseline, sustained and peak hold their rate (open model: arrivals do not wait
 * for responses, so overload shows as latency and errors, not as a lower rate).
 */
public class SlaPhaseSimulation extends PhaseSimulation {

    public SlaPhaseSimulation() {
        double rps = phase.spec().load().rps();
        var duration = phase.spec().load().duration();
        arrivals(phase.spec().role().equals("warmup")
                ? rampUsersPerSec(rps / 10).to(rps).during(duration)
                : constantUsersPerSec(rps).during(duration).randomized());
    }
}
