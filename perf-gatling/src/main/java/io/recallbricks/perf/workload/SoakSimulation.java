package io.recallbricks.perf.workload;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;

import io.gatling.javaapi.core.Simulation;

/**
 * The soak: one moderate rate held for hours (--soak=150@8h), to show leaks, pool exhaustion and slow drifts
 * that a 15-minute phase cannot. Server samples over the whole run show memory and connections over time.
 */
public class SoakSimulation extends Simulation {

    public SoakSimulation() {
        LoadContext.Phase phase = LoadContext.current();
        setUp(Workload.agents(phase)
                .injectOpen(constantUsersPerSec(phase.spec().load().rps()).during(phase.spec().load().duration())
                        .randomized()))
                .protocols(Workload.protocol(phase));
    }
}
