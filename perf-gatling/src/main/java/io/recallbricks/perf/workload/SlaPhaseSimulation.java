package io.recallbricks.perf.workload;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;

import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.Simulation;

/**
 * One phase of the SLA run: the warm-up ramps the arrival rate up from a tenth of its target (so the service's
 * JIT and pools warm gradually); baseline, sustained and peak hold their rate (open model: arrivals do not wait
 * for responses, so overload shows as latency and errors, not as a lower rate).
 */
public class SlaPhaseSimulation extends Simulation {

    private final LoadContext.Phase phase = LoadContext.current();

    public SlaPhaseSimulation() {
        double rps = phase.spec().load().rps();
        var duration = phase.spec().load().duration();
        OpenInjectionStep arrivals = phase.spec().role().equals("warmup")
                ? rampUsersPerSec(rps / 10).to(rps).during(duration)
                : constantUsersPerSec(rps).during(duration).randomized();
        setUp(Workload.agents(phase).injectOpen(arrivals)).protocols(Workload.protocol(phase));
    }

    /** Gatling calls this once its engine is up, just before the first arrival: the phase clock starts here. */
    @Override
    public void before() {
        phase.onStart().run();
    }

    /** Called when the last virtual user is done, before Gatling writes its report: the phase ends here. */
    @Override
    public void after() {
        phase.onStop().run();
    }
}
