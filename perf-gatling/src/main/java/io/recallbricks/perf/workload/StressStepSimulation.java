package io.recallbricks.perf.workload;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;

/**
 * One step of the stress run: the same workload at a higher constant arrival rate. The runner starts the next,
 * higher step only while the previous one held the criteria, and reports the last step that held.
 */
public class StressStepSimulation extends PhaseSimulation {

    public StressStepSimulation() {
        arrivals(constantUsersPerSec(phase.spec().load().rps()).during(phase.spec().load().duration()).randomized());
    }
}
