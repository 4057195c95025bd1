package io.recallbricks.chaos.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import io.recallbricks.chaos.experiment.journal.Activity;
import io.recallbricks.chaos.experiment.journal.JournalEntry;
import io.recallbricks.chaos.experiment.ledger.StoredMemory;
import io.recallbricks.chaos.experiment.ledger.WriteLedger;
import io.recallbricks.chaos.experiment.ledger.WriteVerification;
import io.recallbricks.chaos.experiment.load.LoadGenerator;
import io.recallbricks.chaos.experiment.load.ResponseLog;
import io.recallbricks.chaos.experiment.load.ResponseRecord;
import io.recallbricks.chaos.experiment.load.Workload;
import io.recallbricks.chaos.experiment.observe.ServiceSample;
import io.recallbricks.chaos.experiment.observe.ServiceWatch;
import io.recallbricks.chaos.experiment.stack.ServiceClient;
import io.recallbricks.chaos.experiment.stack.ServiceProcess;
import io.recallbricks.chaos.experiment.stack.ServiceSettings;
import io.recallbricks.chaos.experiment.verdict.Backfill;
import io.recallbricks.chaos.experiment.verdict.Bounds;
import io.recallbricks.chaos.experiment.verdict.Check;
import io.recallbricks.chaos.experiment.verdict.Observation;
import io.recallbricks.chaos.experiment.verdict.Stats;
import io.recallbricks.chaos.experiment.verdict.Timeline;
import io.recallbricks.chaos.experiment.verdict.Verdicts;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Runs one experiment: steady load -> inject -> observe -> remove (always, in a finally) -> recovery -> verify
 * writes (and embeddings) -> judge -> journal.
 */
public final class ExperimentRunner {

    private static final Duration FAST_ANSWER = Duration.ofMillis(250);
    private static final double MAX_STEADY_ERROR_PERCENT = 1.0;
    private static final Duration VERIFY_RETRY = Duration.ofSeconds(30);

    private final ServiceClient client;
    private final ServiceProcess process;
    private final ServiceSettings settings;
    private final Profile profile;
    private final Workload workload;
    private final Workload.Tenant writer;
    private final PrintWriter out;
    /** Every query text sent so far, across warm-up and experiments (the service may have cached its embedding). */
    private final Set<String> queriesSent = ConcurrentHashMap.newKeySet();

    public ExperimentRunner(ServiceClient client, ServiceProcess process, ServiceSettings settings, Profile profile,
                            Workload workload, Workload.Tenant writer, PrintWriter out) {
        this.client = client;
        this.process = process;
        this.settings = settings;
        this.profile = profile;
        this.workload = workload;
        this.writer = writer;
        this.out = out;
    }

    public Bounds bounds(Fault fault) {
        boolean db = fault.dependency() == Dependency.DATABASE;
        Duration longestCall = db ? settings.socketTimeout() : settings.embeddingRequestTimeout();
        return new Bounds(db ? settings.databaseOpenBound() : settings.embeddingsOpenBound(),
                settings.closeBound(longestCall),
                db ? settings.databaseLatencyBound() : settings.embeddingsLatencyBound(),
                FAST_ANSWER, profile.recoveryBound(), profile.stableWindow(),
                db ? null : settings.backfillBound(profile.fault(), (long) Math.ceil(profile.writeRps() * profile.fault().toSeconds())),
                MAX_STEADY_ERROR_PERCENT);
    }

    public JournalEntry run(Fault fault, String runTag) throws InterruptedException {
        Bounds bounds = bounds(fault);
        long start = System.currentTimeMillis();
        List<Activity> before = new ArrayList<>(), run = new ArrayList<>(), rollbacks = new ArrayList<>(),
                after = new ArrayList<>();
        resetOpenBreakers(run);
        WriteLedger ledger = new WriteLedger("chaos-" + fault.name() + "-" + runTag);
        ResponseLog log = new ResponseLog();
        ServiceWatch watch = new ServiceWatch(client);
        LoadGenerator load = new LoadGenerator(client, workload, writer, ledger, log, profile.readRps(),
                profile.writeRps(), profile.clientTimeout(), queriesSent);
        Long injectedAt = null, removedAt = null;
        String status = "completed";
        long steadyStart = System.currentTimeMillis();
        try {
            watch.start();
            load.start();
            out.printf("%s: steady load %.0f reads/s + %.0f writes/s for %d s%n", fault.name(), profile.readRps(),
                    profile.writeRps(), profile.steady().toSeconds());
            Thread.sleep(profile.steady().toMillis());
            injectedAt = System.currentTimeMillis();
            List<ResponseRecord> steady = log.startedBetween(steadyStart, injectedAt);
            before.add(Activity.probe("error-rate", String.format("%.2f%% of %d", Stats.errorRatePercent(steady),
                    steady.size()), Stats.errorRatePercent(steady) <= MAX_STEADY_ERROR_PERCENT, injectedAt));
            before.add(Activity.probe("p95-ms", Long.toString(Stats.percentileMs(steady, 95)), true, injectedAt));
            ServiceSample now = watch.latest();
            boolean closed = now != null && now.metricsBreakers() != null
                    && now.metricsBreakers().values().stream().allMatch("closed"::equals);
            before.add(Activity.probe("breakers", now == null ? "no sample" : String.valueOf(now.metricsBreakers()),
                    closed, injectedAt));
            if (before.stream().anyMatch(a -> !a.toleranceMet())) {
                status = "failed"; // Chaos Toolkit: the steady state did not hold, the method still runs for the record
            }
            try {
                out.printf("%s: inject (%s) for %d s%n", fault.name(), fault.method(), profile.fault().toSeconds());
                String output = fault.inject();
                run.add(Activity.action("inject-" + fault.name(), output, injectedAt, System.currentTimeMillis()));
                Thread.sleep(Math.max(0, injectedAt + profile.fault().toMillis() - System.currentTimeMillis()));
            } finally {
                removedAt = System.currentTimeMillis();
                removeFault(fault, rollbacks, removedAt);
            }
            out.printf("%s: removed; observing recovery (bound %d s)%n", fault.name(), bounds.recovery().toSeconds());
            awaitRecovery(fault, log, watch, steadyStart, injectedAt, removedAt, bounds);
        } catch (InterruptedException e) {
            status = "interrupted";
            throw e;
        } catch (Exception e) {
            status = "aborted";
            run.add(Activity.failedAction("experiment", e.toString(), System.currentTimeMillis(), System.currentTimeMillis()));
        } finally {
            if (removedAt == null && injectedAt != null) {
                removedAt = System.currentTimeMillis();
                removeFault(fault, rollbacks, removedAt);
            }
            load.stop();
            watch.close();
            if (watch.lastMetricsError() != null) {
                out.printf("%s: /metrics could not be read at least once: %s%n", fault.name(), watch.lastMetricsError());
            }
        }
        long end = System.currentTimeMillis();
        if (injectedAt == null || removedAt == null) {
            injectedAt = injectedAt == null ? end : injectedAt;
            removedAt = removedAt == null ? end : removedAt;
        }
        WriteVerification writes = verifyWrites(ledger);
        Backfill backfill = fault.dependency() == Dependency.EMBEDDINGS
                ? awaitBackfill(ledger, injectedAt, removedAt, bounds) : null;
        List<ServiceSample> samples = watch.samples();
        Observation o = new Observation(fault.dependency(), steadyStart, injectedAt, removedAt, end,
                profile.totalRps(), log.snapshot(), samples, writes, backfill, process == null || process.isAlive());
        List<Check> checks = Verdicts.evaluate(o, bounds);
        boolean steadyAfter = Verdicts.steadyAfter(o, bounds);
        List<ResponseRecord> tail = o.between(end - bounds.stableWindow().toMillis(), end);
        after.add(Activity.probe("error-rate", String.format("%.2f%% of %d", Stats.errorRatePercent(tail), tail.size()),
                steadyAfter, end));
        after.add(Activity.probe("p95-ms", Long.toString(Stats.percentileMs(tail, 95)), steadyAfter, end));
        List<ResponseRecord> during = o.between(injectedAt, removedAt);
        return new JournalEntry(fault.name(), fault.title(), fault.method(), status, !steadyAfter, start,
                System.currentTimeMillis(), injectedAt, removedAt, before, run, rollbacks, after, checks,
                Verdicts.transitions(samples, "metrics"), Verdicts.transitions(samples, "health"),
                Verdicts.byOutcome(during), during.stream().filter(ResponseRecord::ok).count(),
                during.stream().filter(r -> !r.ok()).count(), writes, backfill, Verdicts.mttr(o, bounds), bounds,
                settings.environment(), profile.name(), Timeline.of(o));
    }

    /**
     * Load without judging, so that the first experiment's steady state is not a cold JVM's (class loading, JIT,
     * pool filling). Its writes go to a ledger of their own that is not verified.
     */
    public void warmUp(Duration duration) throws InterruptedException {
        out.printf("warm-up: %.0f requests/s for %d s (not judged)%n", profile.totalRps(), duration.toSeconds());
        LoadGenerator load = new LoadGenerator(client, workload, writer, new WriteLedger("chaos-warmup"),
                new ResponseLog(), profile.readRps(), profile.writeRps(), profile.clientTimeout(), queriesSent);
        load.start();
        try {
            Thread.sleep(duration.toMillis());
        } finally {
            load.stop();
        }
    }

    /** Every experiment starts from closed breakers; an earlier experiment's leftover is reset and recorded. */
    private void resetOpenBreakers(List<Activity> run) {
        for (String breaker : ServiceWatch.BREAKERS) {
            long t = System.currentTimeMillis();
            try {
                JsonNode state = client.health().path("circuit_breakers").path(breaker).path("state");
                // Only open or half-open: a reset also turns a disabled breaker into a working one (resilience4j).
                if ("open".equals(state.asText()) || "half_open".equals(state.asText())) {
                    client.resetBreaker(breaker);
                    run.add(Activity.action("reset-" + breaker, "was " + state.asText(), t, System.currentTimeMillis()));
                }
            } catch (IOException e) {
                run.add(Activity.failedAction("reset-" + breaker, e.getMessage(), t, System.currentTimeMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void removeFault(Fault fault, List<Activity> rollbacks, long at) {
        try {
            fault.remove();
            rollbacks.add(Activity.action("remove-" + fault.name(), "fault removed", at, System.currentTimeMillis()));
        } catch (Exception e) {
            rollbacks.add(Activity.failedAction("remove-" + fault.name(), e.toString(), at, System.currentTimeMillis()));
        }
    }

    /** Keeps the load on until the service is back (stable window met, breakers closed) or the bound has passed. */
    private void awaitRecovery(Fault fault, ResponseLog log, ServiceWatch watch, long steadyStart, long injectedAt,
                               long removedAt, Bounds bounds) throws InterruptedException {
        long deadline = removedAt + bounds.recovery().plus(bounds.stableWindow()).toMillis();
        long closeDeadline = removedAt + bounds.breakerClose().plus(bounds.stableWindow()).toMillis();
        deadline = Math.max(deadline, closeDeadline);
        while (System.currentTimeMillis() < deadline) {
            Thread.sleep(1000);
            long now = System.currentTimeMillis();
            Observation partial = new Observation(fault.dependency(), steadyStart, injectedAt, removedAt, now,
                    profile.totalRps(), log.snapshot(), watch.samples(), null, null, true);
            ServiceSample last = watch.latest();
            boolean closed = last != null && last.metricsBreakers() != null
                    && last.metricsBreakers().values().stream().allMatch("closed"::equals);
            if (closed && Verdicts.mttr(partial, bounds) != null) {
                return;
            }
        }
    }

    /** Lists what the service holds for this ledger (retrying while it is still recovering) and compares. */
    private WriteVerification verifyWrites(WriteLedger ledger) throws InterruptedException {
        long deadline = System.nanoTime() + VERIFY_RETRY.toNanos();
        IOException last = null;
        while (System.nanoTime() < deadline) {
            try {
                List<StoredMemory> stored = client.listMemories(writer.apiKey(), ledger.source()).stream()
                        .map(StoredMemory::of).toList();
                return WriteVerification.of(ledger.entries(), stored);
            } catch (IOException e) {
                last = e;
                Thread.sleep(1000);
            }
        }
        throw new IllegalStateException("cannot list the written memories to verify them: "
                + (last == null ? "timeout" : last.getMessage()));
    }

    /** Waits until every memory acknowledged without an embedding has one, or the bound has passed. */
    private Backfill awaitBackfill(WriteLedger ledger, long injectedAt, long removedAt, Bounds bounds)
            throws InterruptedException {
        Set<String> pending = ledger.entries().stream()
                .filter(e -> e.isAcknowledged() && !e.hasEmbedding() && e.memoryId() != null)
                .map(WriteLedger.Entry::memoryId).collect(Collectors.toSet());
        long deadline = removedAt + bounds.backfill().toMillis();
        long embedded = 0;
        while (true) {
            try {
                Map<String, Boolean> state = client.listMemories(writer.apiKey(), ledger.source()).stream()
                        .map(StoredMemory::of)
                        .collect(Collectors.toMap(StoredMemory::id, StoredMemory::hasEmbedding, (a, b) -> a));
                embedded = pending.stream().filter(id -> Boolean.TRUE.equals(state.get(id))).count();
                if (embedded == pending.size()) {
                    return new Backfill(pending.size(), embedded, (System.currentTimeMillis() - removedAt) / 1000.0);
                }
            } catch (IOException e) {
                // still recovering: try again until the deadline
            }
            if (System.currentTimeMillis() >= deadline) {
                return new Backfill(pending.size(), embedded, null);
            }
            Thread.sleep(1000);
        }
    }
}
