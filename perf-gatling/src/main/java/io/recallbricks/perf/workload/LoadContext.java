package io.recallbricks.perf.workload;

import io.recallbricks.perf.config.PhaseSpec;
import io.recallbricks.perf.dataset.Dataset;
import io.recallbricks.perf.record.PhaseRecorder;
import java.time.Duration;

/**
 * Hands the current phase to the simulation Gatling instantiates. Gatling builds simulations by reflection with
 * no arguments, in this JVM, so the runner publishes what the phase needs here just before it starts Gatling.
 */
public final class LoadContext {

    /** Everything one phase's simulation needs. */
    public record Phase(String baseUrl, Dataset dataset, PhaseRecorder recorder, PhaseSpec spec,
                        double writeShare, Duration requestTimeout, Runnable onStart, Runnable onStop) {
    }

    private static volatile Phase current;

    private LoadContext() {
    }

    public static void publish(Phase phase) {
        current = phase;
    }

    public static void clear() {
        current = null;
    }

    static Phase current() {
        Phase p = current;
        if (p == null) {
            throw new IllegalStateException("no phase published: run simulations through the suite runner "
                    + "(./suite run), which seeds tenants and records latencies");
        }
        return p;
    }
}
