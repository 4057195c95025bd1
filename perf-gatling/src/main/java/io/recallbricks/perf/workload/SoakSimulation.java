package io.recallbricks.perf.workload;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;

import io.gatling.javaapi.core.Simulation;

/**
 * The soak: one moderate rate held for hours (--soak=150@8h), to show leaks, pool exhaustion and slow drifts
 * that a 15-minute phase cannot. Server samples over the whole run show memory and connections over time.
 */
public class SoakSimulation extends Simulation {

    private final LoadContext.Phase phase = LoadContext.current();

    public SoakSimulation() {
        setUp(Workload.agents(phase)
                .injectOpen(constantUsersPerSec(phase.spec().load().rps()).during(phase.spec().load().duration())
                        .randomized()))
                .protocols(Workload.protocol(phase));
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
