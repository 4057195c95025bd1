package io.recallbricks.perf.workload;

import io.gatling.javaapi.core.OpenInjectionStep;
import io.gatling.javaapi.core.Simulation;

/**
 * What every phase's simulation shares: the published phase, the workload driven by its arrivals, and the phase
 * clock started and stopped by Gatling's hooks. The subclasses exist so that Gatling names each report after what
 * it measured, and differ only in their arrivals.
 */
abstract class PhaseSimulation extends Simulation {

    protected final LoadContext.Phase phase = LoadContext.current();

    /** Sets the workload up with the subclass's arrivals; call it from the subclass's constructor. */
    protected final void arrivals(OpenInjectionStep arrivals) {
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
