package io.recallbricks.reports.evaluation;

import io.recallbricks.reports.run.EndpointOutcome;
import io.recallbricks.reports.run.PhaseResults;
import io.recallbricks.reports.run.RunFolder;
import io.recallbricks.reports.run.RunInfo;
import io.recallbricks.reports.run.RunResults;
import io.recallbricks.reports.run.ServerSample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One phase's rates side by side, per second of its arrival window: offered (the schedule), sent (what the injector
 * really sent), achieved (responses completed inside the window, any outcome) and good (OK ones), with the injector's
 * own load, whether the machine was saturated (all cores busy from any process, median of the samples) and the
 * embedding cache's hit rate. A field is null when the run does not carry what it needs.
 */
public record PhaseRates(String phase, String role, boolean judged, Double offeredRps, Double sentRps,
                         Double achievedRps, Double goodRps, RunInfo.InjectorLoad injector, Double machineCpu,
                         boolean machineSaturated, Double cacheHitRate) {

    /** Median machine CPU at or above which a phase's latencies measure the co-location, not the service. */
    public static final double SATURATED = 0.90;

    public boolean injectorBound() {
        return injector != null && Boolean.TRUE.equals(injector.bound());
    }

    public static List<PhaseRates> of(RunResults run) {
        Map<String, List<ServerSample>> samples = RunFolder.samplesByPhase(run.samples());
        List<PhaseRates> rows = new ArrayList<>();
        for (PhaseResults p : run.phases().values()) {
            RunInfo.Phase info = p.info().orElse(null);
            Double window = p.info().flatMap(RunInfo.Phase::arrivalWindow).map(d -> d.toMillis() / 1000.0)
                    .filter(s -> s > 0).orElse(null);
            EndpointOutcome total = p.totalOutcome().orElse(null);
            boolean counts = window != null && total != null && total.hasWindowCounts();
            List<ServerSample> mine = samples.getOrDefault(p.name(), List.of());
            List<Double> machine = mine.stream().map(ServerSample::systemCpu).filter(Objects::nonNull).sorted().toList();
            Double machineCpu = machine.isEmpty() ? null : machine.get(machine.size() / 2);
            // The query-embedding cache when the samples name it (its hit rate is what retrieval latency depends on).
            boolean embedding = mine.stream().anyMatch(x -> x.embeddingCacheHitRate() != null);
            List<Double> hits = mine.stream().map(embedding ? ServerSample::embeddingCacheHitRate : ServerSample::cacheHitRate)
                    .filter(Objects::nonNull).toList();
            rows.add(new PhaseRates(p.name(), info == null ? null : info.role(), info != null && info.judged(),
                    info == null ? null : info.intendedRps(),
                    counts ? total.sentInWindow() / window : null,
                    counts ? total.completedInWindow() / window : null,
                    counts ? total.goodInWindow() / window : null,
                    info == null ? null : info.injector(), machineCpu,
                    machineCpu != null && machineCpu >= SATURATED,
                    hits.isEmpty() ? null : hits.stream().mapToDouble(Double::doubleValue).average().orElseThrow()));
        }
        return rows;
    }
}
