package io.recallbricks.reports.run;

import io.recallbricks.reports.chaos.Experiment;
import io.recallbricks.reports.jmh.BenchmarkRow;

import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything read from one run's folder.
 *
 * @param phases         by name, in run order (run.json's phases, then stress steps, then other folders)
 * @param samples        the server samples in time order
 * @param gatlingReports index.html files under gatling/, relative to the run folder
 */
public record RunResults(Path dir, RunInfo info, Map<String, PhaseResults> phases, List<ServerSample> samples,
                         Optional<List<BenchmarkRow>> microbenchmarks, Optional<List<Experiment>> experiments,
                         List<Path> gatlingReports) {

    public RunResults {
        phases = Collections.unmodifiableMap(phases);
        samples = List.copyOf(samples);
        gatlingReports = List.copyOf(gatlingReports);
    }
}
