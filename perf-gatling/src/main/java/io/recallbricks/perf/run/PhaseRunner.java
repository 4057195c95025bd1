package io.recallbricks.perf.run;

import io.recallbricks.perf.config.PhaseSpec;
import io.recallbricks.perf.config.SuiteConfig;
import io.recallbricks.perf.dataset.Dataset;
import io.recallbricks.perf.record.InjectorCheck;
import io.recallbricks.perf.record.PhaseRecorder;
import io.recallbricks.perf.record.SendLagProbe;
import io.recallbricks.perf.server.CpuBudget;
import io.recallbricks.perf.server.MachineCpu;
import io.recallbricks.perf.server.ServerSampler;
import io.recallbricks.perf.workload.LoadContext;
import java.io.IOException;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Runs one phase: publishes it to the simulation, records every response (1 s histogram intervals), samples the
 * server, prints progress, and returns what was measured once Gatling has finished.
 */
final class PhaseRunner {

    private final SuiteConfig config;
    private final RunFolder folder;
    private final String baseUrl;
    private final Dataset dataset;
    private final Optional<ServerSampler> sampler;
    private final CpuBudget cpu;
    private final GatlingLauncher gatling;

    PhaseRunner(SuiteConfig config, RunFolder folder, String baseUrl, Dataset dataset,
                Optional<ServerSampler> sampler, CpuBudget cpu) {
        this.config = config;
        this.folder = folder;
        this.baseUrl = baseUrl;
        this.dataset = dataset;
        this.sampler = sampler;
        this.cpu = cpu;
        this.gatling = new GatlingLauncher(folder.gatlingDir());
    }

    PhaseResult run(PhaseSpec phase, Class<?> simulation) throws IOException {
        System.out.printf("%n== phase %s: %s rps for %d s%s%n", phase.name(), phase.load().rps(),
                phase.load().duration().toSeconds(), phase.judged() ? "" : " (not judged)");
        AtomicReference<Instant> started = new AtomicReference<>();
        AtomicReference<Instant> finished = new AtomicReference<>();
        AtomicReference<Map<String, CpuBudget.ComponentCpu>> cpuAtStart = new AtomicReference<>();
        AtomicReference<Map<String, CpuBudget.ComponentCpu>> cpuAtStop = new AtomicReference<>();
        AtomicReference<SendLagProbe> probe = new AtomicReference<>();
        long[] injectorCpu = new long[2];
        AtomicReference<Optional<MachineCpu>> machineAtStart = new AtomicReference<>(Optional.empty());
        AtomicReference<Optional<MachineCpu>> machineAtStop = new AtomicReference<>(Optional.empty());
        ScheduledExecutorService timers = Executors.newScheduledThreadPool(1, r -> {
            Thread t = new Thread(r, "phase-timers");
            t.setDaemon(true);
            return t;
        });
        try (PhaseRecorder recorder = new PhaseRecorder(folder.phaseDir(phase.name()), config.injector(),
                System.currentTimeMillis())) {
            Runnable onStart = () -> {
                started.set(Instant.now());
                recorder.armWindow(phase.load().duration());
                probe.set(new SendLagProbe());
                injectorCpu[0] = InjectorCpu.nanos();
                machineAtStart.set(MachineCpu.read());
                cpuAtStart.set(cpu.read());
                recorder.restartClock(started.get().toEpochMilli());
                sampler.ifPresent(s -> s.startPhase(phase.name()));
                timers.scheduleAtFixedRate(recorder::flushInterval, 1, 1, TimeUnit.SECONDS);
                long every = config.progressInterval().toMillis();
                timers.scheduleAtFixedRate(() -> System.out.println("  " + ProgressLine.format(phase,
                        recorder.progress(5), sampler.flatMap(ServerSampler::last))), every, every,
                        TimeUnit.MILLISECONDS);
            };
            Runnable onStop = () -> {
                finished.set(Instant.now());
                injectorCpu[1] = InjectorCpu.nanos();
                machineAtStop.set(MachineCpu.read());
                if (probe.get() != null) probe.get().close();
                cpuAtStop.set(cpu.read());
                timers.shutdownNow();
                sampler.ifPresent(ServerSampler::stopPhase);
                recorder.flushInterval();
            };
            LoadContext.publish(new LoadContext.Phase(baseUrl, dataset, recorder, phase, config.writeShare(),
                    config.requestTimeout(), onStart, onStop));
            int code = gatling.run(simulation, phase.name());
            if (started.get() == null) {
                throw new IllegalStateException("Gatling did not start phase " + phase.name() + " (exit " + code + ")");
            }
            if (finished.get() == null) onStop.run(); // Gatling crashed before its after() hook
            if (code != 0) System.out.println("  Gatling exited with code " + code + " for phase " + phase.name());
            double window = phase.load().duration().toMillis() / 1000.0;
            double wall = java.time.Duration.between(started.get(), finished.get()).toMillis() / 1000.0;
            int cores = Runtime.getRuntime().availableProcessors();
            // A warm-up ramps from a tenth of its rate: it offers the mean of the two ends.
            double offered = phase.role().equals("warmup") ? phase.load().rps() * 0.55 : phase.load().rps();
            InjectorCheck.Load injector = InjectorCheck.DEFAULT.judge(offered,
                    recorder.outcomes().sentInWindow() / window, probe.get().lagMs(99), probe.get().maxLagMs(),
                    wall <= 0 ? 0 : (injectorCpu[1] - injectorCpu[0]) / 1e9 / (wall * cores), window);
            PhaseResult result = new PhaseResult(phase, started.get(), finished.get(), recorder.endpointLatency(),
                    recorder.outcomes(), recorder.achievedRps(phase.load().duration()),
                    recorder.outcomes().goodInWindow() / window, injector,
                    CpuBudget.shares(cpuAtStart.get(), cpuAtStop.get(), wall, cores),
                    machineAtStop.get().flatMap(after -> machineAtStart.get().flatMap(after::busySince)).orElse(null));
            System.out.printf("  offered %.1f, sent %.1f, good %.1f rps; injector send lag p99 %.1f ms, CPU %.1f %% of "
                    + "the machine%s%n", offered, injector.sentRps(), result.goodRps(), injector.lagP99Ms(),
                    100 * injector.cpuShare(), injector.bound() ? "; INJECTOR-BOUND: " + injector.whyText() : "");
            System.out.println("  Gatling report: " + folder.gatlingDir().resolve(phase.name()).resolve("index.html"));
            CpuBudget.perRequest(cpuAtStart.get(), cpuAtStop.get(), result.requests(),
                    Runtime.getRuntime().availableProcessors()).ifPresent(line -> System.out.println("  " + line));
            return result;
        } finally {
            if (probe.get() != null) probe.get().close();
            timers.shutdownNow();
            LoadContext.clear();
        }
    }
}
