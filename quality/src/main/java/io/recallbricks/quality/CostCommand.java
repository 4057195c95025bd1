package io.recallbricks.quality;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code cost}: what the local model costs, measured through the service as an operator runs it. Start-up (ready,
 * and model loaded) of the given jars; CPU per write with and without the local model (the difference is the CPU of
 * one embedding on the write path, single text); and the backfill job's batch throughput (embeddings per second and
 * CPU per embedding) over memories stored without vectors.
 */
@Command(name = "cost", mixinStandardHelpOptions = true, description = "Start-up and CPU cost of the local embedding model.")
public final class CostCommand implements Callable<Integer> {

    @Option(names = "--jar", description = "The service jar (default: service/target/recallbricks-service-*.jar).")
    Path jar;

    @Option(names = "--before-jar", description = "An earlier service jar whose start-up (to ready) is measured beside.")
    Path beforeJar;

    @Option(names = "--writes", defaultValue = "300", description = "Memories written per phase. Default: ${DEFAULT-VALUE}.")
    int writes;

    @Option(names = "--starts", defaultValue = "3", description = "Start-ups measured per jar. Default: ${DEFAULT-VALUE}.")
    int starts;

    @Option(names = "--out", defaultValue = "runs/quality-cost", description = "Folder for the logs. Default: ${DEFAULT-VALUE}.")
    Path out;

    @Override
    public Integer call() throws Exception {
        Files.createDirectories(out);
        Path service = jar != null ? jar : QualityCommand.findJar();
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            String db = System.getenv("DATABASE_URL");
            if (db == null || db.isBlank()) {
                db = QualityCommand.embeddedPostgres(out, resources);
            }
            Corpus corpus = Corpus.load();
            for (int i = 0; i < starts; i++) {
                if (beforeJar != null) {
                    try (ServiceProcess before = ServiceProcess.start(beforeJar, db, Map.of(), out.resolve("before.log"), false)) {
                        print("start-up, before jar: ready %.2f s", before.secondsToReady());
                    }
                }
                try (ServiceProcess none = ServiceProcess.start(service, db, Map.of("EMBEDDING_PROVIDER", "none"), out.resolve("none.log"), false)) {
                    print("start-up, this jar, EMBEDDING_PROVIDER=none: ready %.2f s", none.secondsToReady());
                }
                try (ServiceProcess local = ServiceProcess.start(service, db, Map.of(), out.resolve("local.log"), false)) {
                    double ready = local.secondsToReady();
                    double loaded = local.awaitEmbeddings();
                    print("start-up, this jar, default (local): ready %.2f s, model loaded %.2f s, CPU to load %.2f s",
                            ready, loaded, local.cpuSeconds());
                }
            }

            // Writes without vectors: the reference, and the backlog the backfill measurement embeds afterwards.
            double noneCpuPerWrite;
            try (ServiceProcess none = ServiceProcess.start(service, db, Map.of("EMBEDDING_PROVIDER", "none"), out.resolve("none.log"), false)) {
                String key = none.newTenant("cost-none");
                noneCpuPerWrite = writePhase(none, key, corpus, "backlog", "EMBEDDING_PROVIDER=none");
            }
            try (ServiceProcess local = ServiceProcess.start(service, db, Map.of("EMBEDDING_BACKFILL_INTERVAL_SECONDS", "1",
                    "EMBEDDING_BACKFILL_BATCH_SIZE", "64"), out.resolve("local.log"), true)) {
                double cpu0 = local.cpuSeconds();
                long t0 = System.nanoTime();
                String embedded = "embedding_backfill_total{outcome=\"embedded\"}";
                while (local.metric(embedded) < writes) {
                    if (System.nanoTime() - t0 > 300e9) {
                        throw new IllegalStateException("the backfill did not embed " + writes + " memories in 300 s");
                    }
                    Thread.sleep(50);
                }
                double cpu = local.cpuSeconds() - cpu0;
                double modelSeconds = local.metric("embedding_request_duration_seconds_sum");
                double batches = local.metric("embedding_request_duration_seconds_count");
                print("backfill (batches of 64): %d embeddings in %.0f batches, %.1f embeddings/s of model time, "
                                + "%.1f ms service CPU per embedding (job, database writes included), %.1f s wall incl. 1 s pauses",
                        writes, batches, writes / modelSeconds, 1000 * cpu / writes, (System.nanoTime() - t0) / 1e9);
                String key = local.newTenant("cost-local");
                double localCpuPerWrite = writePhase(local, key, corpus, "embedded", "local");
                print("write path: %.2f ms CPU per embedding of one text (local %.2f − none %.2f ms per write)",
                        localCpuPerWrite - noneCpuPerWrite, localCpuPerWrite, noneCpuPerWrite);
            }
            return 0;
        } finally {
            for (int i = resources.size() - 1; i >= 0; i--) {
                resources.get(i).close();
            }
        }
    }

    /** Writes {@code writes} distinct texts one after the other; returns the service's CPU per write in ms. */
    private double writePhase(ServiceProcess service, String key, Corpus corpus, String tag, String label) throws Exception {
        // Warm-up (JIT, pools) outside the measured window.
        for (int i = 0; i < 50; i++) {
            service.post("/api/v1/memories", Map.of("text", "warm-up " + tag + " " + i + " " + corpus.notes().get(i).text()), key);
        }
        double cpu0 = service.cpuSeconds();
        long t0 = System.nanoTime();
        for (int i = 0; i < writes; i++) {
            Corpus.Note note = corpus.notes().get(i % corpus.notes().size());
            service.post("/api/v1/memories", Map.of("text", note.text() + " (" + tag + " " + i + ")"), key);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double cpuMs = 1000 * (service.cpuSeconds() - cpu0) / writes;
        print("writes, %s: %d in %.1f s (%.1f per second, one client), %.2f ms service CPU per write",
                label, writes, seconds, writes / seconds, cpuMs);
        return cpuMs;
    }

    private static void print(String format, Object... args) {
        System.out.println("cost: " + String.format(Locale.ROOT, format, args));
    }
}
