package io.recallbricks.perf.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The resolved configuration of one suite run (see {@link Setting} for what each value means).
 * {@code serviceRssBudgetBytes} is empty for "auto"; {@code chaos} is ci, full or off.
 */
public record SuiteConfig(
        Profile profile,
        int tenants,
        int memoriesPerTenant,
        Optional<LoadStep> warmup,
        Optional<LoadStep> baseline,
        Optional<LoadStep> sustained,
        Optional<LoadStep> peak,
        List<Double> stressRates,
        Duration stressStep,
        Optional<LoadStep> soak,
        double writeShare,
        long seed,
        int seedConcurrency,
        double rateScale,
        String injector,
        boolean sampleServer,
        Duration requestTimeout,
        Duration sampleInterval,
        Duration progressInterval,
        Path runsDir,
        String serviceJvmOptions,
        int dbPoolSize,
        boolean sizeRateLimits,
        EmbeddingLatency embeddingLatency,
        TargetSpec target,
        Optional<Long> serviceRssBudgetBytes,
        String chaos,
        double stressResolutionPercent,
        double newQueryShare,
        int largestTenants,
        int largestTenantMemories) {

    /** Memories seeded for the tenant at {@code index}. */
    public int memoriesOf(int index) {
        return index < largestTenants ? Math.max(largestTenantMemories, memoriesPerTenant) : memoriesPerTenant;
    }

    /** The warm-up and the judged phases in the order they run, rates already scaled for this injector. */
    public List<PhaseSpec> steadyPhases() {
        List<PhaseSpec> phases = new ArrayList<>();
        warmup.ifPresent(l -> phases.add(PhaseSpec.warmup(l.scaled(rateScale))));
        baseline.ifPresent(l -> phases.add(PhaseSpec.judged("baseline", l.scaled(rateScale))));
        sustained.ifPresent(l -> phases.add(PhaseSpec.judged("sustained", l.scaled(rateScale))));
        peak.ifPresent(l -> phases.add(PhaseSpec.judged("peak", l.scaled(rateScale))));
        soak.ifPresent(l -> phases.add(PhaseSpec.judged("soak", l.scaled(rateScale))));
        return phases;
    }

    /** The highest arrival rate of any phase or stress step of this injector. */
    public double maxRps() {
        return java.util.stream.Stream.concat(steadyPhases().stream(), stressPhases().stream())
                .mapToDouble(p -> p.load().rps()).max().orElse(0);
    }

    /** Stress steps in increasing order; the runner stops at the first one that does not hold. */
    public List<PhaseSpec> stressPhases() {
        return stressRates.stream()
                .map(r -> PhaseSpec.stressStep(r, new LoadStep(r * rateScale, stressStep)))
                .toList();
    }
}
