package io.recallbricks.perf.run;

import io.recallbricks.perf.config.LoadStep;
import io.recallbricks.perf.config.PhaseSpec;
import io.recallbricks.perf.config.SuiteConfig;
import io.recallbricks.perf.dataset.Corpus;
import io.recallbricks.perf.dataset.Dataset;
import io.recallbricks.perf.dataset.QuerySampler;
import io.recallbricks.perf.dataset.Seeder;
import io.recallbricks.perf.dataset.Tenant;
import io.recallbricks.perf.provision.Provisioner;
import io.recallbricks.perf.provision.Resources;
import io.recallbricks.perf.provision.Target;
import io.recallbricks.perf.server.CpuBudget;
import io.recallbricks.perf.server.PgActivity;
import io.recallbricks.perf.server.ServerSampler;
import io.recallbricks.perf.workload.SlaPhaseSimulation;
import io.recallbricks.perf.workload.SoakSimulation;
import io.recallbricks.perf.workload.StressStepSimulation;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One run of the suite, start to verdict: provision, seed, warm up, baseline / sustained / peak (or soak),
 * stress to the break point, write the run folder, stop what was started, gate.
 */
public final class SuiteRun {

    /** Distinct queries in the stream; a Zipf draw over them repeats the popular ones. */
    private static final int DISTINCT_QUERIES = 5_000;

    private final SuiteConfig config;
    private final Path repoRoot;

    public SuiteRun(SuiteConfig config, Path repoRoot) {
        this.config = config;
        this.repoRoot = repoRoot;
    }

    public int run() throws IOException, InterruptedException {
        configureGatling();
        Instant startedAt = Instant.now();
        RunFolder folder = RunFolder.create(repoRoot.resolve(config.runsDir()), config.profile().id(),
                config.injector(), LocalDateTime.now(ZoneOffset.UTC));
        System.out.println("run folder: " + folder.dir());
        System.out.println(machineLoad());
        RunRecord record = new RunRecord(folder.runId(), config.profile().id(), startedAt);
        record.dataset(config.tenants(), config.memoriesPerTenant(), config.largestTenants(), config.memoriesOf(0));
        List<PhaseResult> judged = new ArrayList<>();
        // From the start, so that a run that could not finish still says what it is (and why it stopped).
        folder.writeRunJson(record.toJson(null));
        try (Resources resources = new Resources()) {
            Target target = new Provisioner(config, repoRoot, folder.dir(), resources).provision();
            record.target(target.toJson());
            folder.writeRunJson(record.toJson(null));

            Dataset dataset = seed(target, folder.runId());
            // Only one injector samples the server: several would write the same samples twice.
            Optional<ServerSampler> sampler = config.sampleServer()
                    ? Optional.of(resources.add("server sampler", new ServerSampler(target.apiUrl(),
                            target.databaseUrl().map(PgActivity::new), target.memoryLimitBytes(),
                            target.rssBudgetBytes(), config.sampleInterval(), folder.serverSamples())))
                    : Optional.empty();
            PhaseRunner phases = new PhaseRunner(config, folder, target.apiUrl(), dataset, sampler, cpuBudget(target));
            long cpuBefore = processCpuNanos();
            long wallBefore = System.nanoTime();

            for (PhaseSpec phase : config.steadyPhases()) {
                PhaseResult r = phases.run(phase, phase.role().equals("soak") ? SoakSimulation.class
                        : SlaPhaseSimulation.class);
                System.out.println(PhaseSummary.format(r));
                record.phase(r);
                if (phase.judged()) judged.add(r);
                folder.writeRunJson(record.toJson(null));
            }
            if (!config.stressPhases().isEmpty()) stress(phases, record, folder, judged);
            double cpu = (processCpuNanos() - cpuBefore) / 1e9;
            double wall = (System.nanoTime() - wallBefore) / 1e9;
            int cores = Runtime.getRuntime().availableProcessors();
            record.injector(config.injector(), cpu, wall, cores);
            System.out.printf("injector %s: %.1f CPU-s over %.1f s on %d cores = %.1f%% of the machine%n",
                    config.injector(), cpu, wall, cores, 100 * cpu / (wall * cores));
            System.out.println(machineLoad());
            sampler.flatMap(ServerSampler::peakRssBytes).ifPresent(rss ->
                    System.out.printf("service peak resident memory: %d MB%n", rss >> 20));
            folder.writeRunJson(record.toJson(Instant.now()));
        } catch (IOException | InterruptedException | RuntimeException e) {
            record.aborted(e.getMessage() == null ? e.toString() : e.getMessage());
            folder.writeRunJson(record.toJson(Instant.now()));
            throw e;
        }
        // After the load's stack is stopped: the experiments start their own, and must not share the CPU with it.
        try {
            new ChaosRun(repoRoot, config.chaos()).run(folder.dir(), record);
            folder.writeRunJson(record.toJson(Instant.now()));
        } catch (IOException | InterruptedException | RuntimeException e) {
            record.aborted(e.getMessage() == null ? e.toString() : e.getMessage());
            folder.writeRunJson(record.toJson(Instant.now()));
            throw e;
        }
        System.out.println("results: " + folder.dir());
        return Gate.verdict(repoRoot, folder.dir(), judged, config.profile());
    }

    /**
     * The ladder, then a bisection: the steps of --stress run in order until one does not hold; then the rate halfway
     * between the last that held and the first that broke runs, and so on, until the two are at most
     * --stress-resolution percent apart. The break point is the highest rate that held; which resource ran out is
     * read from the lowest rate that broke.
     */
    private void stress(PhaseRunner phases, RunRecord record, RunFolder folder, List<PhaseResult> judged)
            throws IOException {
        // When the first step breaks, the bisection starts from the highest judged phase that held the same criteria.
        Optional<PhaseResult> judgedHeld = judged.stream().filter(r -> StepCriteria.GUIDE.missed(r).isEmpty())
                .max(java.util.Comparator.comparingDouble(r -> r.spec().load().rps()));
        judgedHeld.ifPresent(record::heldBeforeStress);
        Double held = judgedHeld.map(r -> r.spec().load().rps()).orElse(null);
        PhaseResult broken = null;
        List<String> brokenMissed = List.of();
        for (PhaseSpec step : config.stressPhases()) {
            PhaseResult r = phases.run(step, StressStepSimulation.class);
            List<String> missed = stressStep(r, record, folder);
            if (!missed.isEmpty()) {
                broken = r;
                brokenMissed = missed;
                break;
            }
            held = step.load().rps();
        }
        while (broken != null && held != null
                && (broken.spec().load().rps() - held) / held * 100 > config.stressResolutionPercent()) {
            double mid = Math.round((held + broken.spec().load().rps()) / 2 / 10) * 10.0; // 10 rps grid
            if (mid <= held || mid >= broken.spec().load().rps()) break;
            PhaseSpec step = PhaseSpec.stressStep(mid, new io.recallbricks.perf.config.LoadStep(mid * config.rateScale(),
                    config.stressStep()));
            PhaseResult r = phases.run(step, StressStepSimulation.class);
            List<String> missed = stressStep(r, record, folder);
            if (missed.isEmpty()) {
                held = mid;
            } else {
                broken = r;
                brokenMissed = missed;
            }
        }
        Double resolution = broken == null || held == null ? null
                : (broken.spec().load().rps() - held) / held * 100;
        String limitedBy = broken == null ? "nothing: the highest step held" : Bottleneck.of(broken, brokenMissed);
        record.stressOutcome(limitedBy, resolution);
        folder.writeRunJson(record.toJson(null));
        System.out.println("\nbreak point (highest stress rate that held): "
                + (held == null ? "none held" : LoadStep.formatRate(held) + " rps")
                + (resolution == null ? "" : String.format(", within %.1f %% of the lowest that broke", resolution))
                + "; ran out: " + limitedBy);
    }

    private static List<String> stressStep(PhaseResult r, RunRecord record, RunFolder folder) throws IOException {
        System.out.println(PhaseSummary.format(r));
        List<String> missed = StepCriteria.GUIDE.missed(r);
        record.phase(r);
        record.stressStep(r, missed);
        folder.writeRunJson(record.toJson(null));
        System.out.println("  stress step " + r.spec().name() + (missed.isEmpty() ? " held" : " broke: " + missed));
        return missed;
    }

    private Dataset seed(Target target, String runId) throws IOException, InterruptedException {
        Corpus corpus = new Corpus(config.seed());
        Seeder seeder = new Seeder(target.apiUrl());
        System.out.printf("seeding: %d tenants x %d memories%n", config.tenants(), config.memoriesPerTenant());
        List<Tenant> tenants = seeder.createTenants(runId + "-" + config.injector(), config.tenants(),
                target.operatorKey(), target.tenantKey());
        if (config.largestTenants() > 0) {
            System.out.printf("seeding: the %d largest tenants hold %d memories each%n", config.largestTenants(),
                    config.memoriesOf(0));
        }
        seeder.seedMemories(tenants, config::memoriesOf, corpus, config.seedConcurrency());
        return new Dataset(tenants, new QuerySampler(corpus.queries(DISTINCT_QUERIES), QuerySampler.DEFAULT_EXPONENT,
                config.seed(), config.newQueryShare()), corpus);
    }

    /**
     * The processes of this machine that serve the load. PostgreSQL's are found through one of its backends, while
     * that backend lives (its parent is the postmaster).
     */
    private static CpuBudget cpuBudget(Target target) {
        if (target.databaseUrl().isEmpty()) {
            return CpuBudget.of(target.servicePid(), Optional.empty(), target.embeddingsPid());
        }
        try (PgActivity pg = new PgActivity(target.databaseUrl().get())) {
            return CpuBudget.of(target.servicePid(), pg.backendPid(), target.embeddingsPid());
        }
    }

    /** Latency on a shared machine is partly the neighbours': say how busy it is. */
    private static String machineLoad() {
        double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        int cores = Runtime.getRuntime().availableProcessors();
        return load < 0 ? "machine: " + cores + " cores"
                : String.format("machine: %d cores, load average %.1f%s", cores, load,
                        load > cores ? " (more runnable processes than cores: latencies include waiting for a CPU)" : "");
    }

    /** Gatling reads system properties over its gatling.conf. */
    private void configureGatling() {
        System.setProperty("gatling.http.requestTimeout", Long.toString(config.requestTimeout().toMillis()));
        System.setProperty("gatling.data.enableAnalytics", "false");
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
