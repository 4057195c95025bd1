package io.recallbricks.perf.workload;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;

/**
 * The soak: one moderate rate held for hours (--soak=150@8h), to show leaks, pool exhaustion and slow drifts
 * that a 15-minute phase cannot. Server samples over the whole run show memory and connections over time.
 */
public class SoakSimulation extends PhaseSimulation {

    public SoakSimulation() {
        arrivals(constantUsersPerSec(phase.spec().load().rps()).during(phase.spec().load().duration()).randomized());
    }
}
