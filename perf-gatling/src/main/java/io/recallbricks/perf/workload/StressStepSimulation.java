package io.recallbricks.perf.workload;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;

import io.gatling.javaapi.core.Simulation;

/**
 * One step of the stress run: the same workload at a higher constant arrival rate. The runner starts the next,
 * higher step only while the previous one held the criteria, and reports the last step that held.
 */
public class StressStepSimulation extends Simulation {

    private final LoadContext.Phase phase = LoadContext.current();

    public StressStepSimulation() {
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
