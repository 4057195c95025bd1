package io.recallbricks.learning;

import io.micronaut.json.JsonMapper;
import io.recallbricks.memory.MemoryAnalytics;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /api/v1/learning/maintenance-suggestions} without work on the request thread: the route reads the
 * user's precomputed report (one row) and, when the user's memories changed since and the report is older than
 * {@code MAINTENANCE_REFRESH_SECONDS}, queues a recomputation on one background thread (bounded queue, one entry per
 * user). Duplicate detection runs over the newest {@link #DUPLICATE_WINDOW} memories with an inverted index
 * ({@link Duplicates}), not the original's all-pairs O(n²).
 */
@Singleton
public class MaintenanceService {

    private static final Logger LOG = LoggerFactory.getLogger(MaintenanceService.class);

    static final int DUPLICATE_WINDOW = 2000;
    static final double DUPLICATE_THRESHOLD = 0.85;
    static final double MERGE_THRESHOLD = 0.95;
    static final int MAX_ITEMS = 20;
    static final int MAX_DUPLICATES = 10;
    static final int PREVIEW = 100;
    static final Duration MAX_AGE = Duration.ofDays(1);

    private final LearningRepository repository;
    private final JsonMapper json;
    private final Duration refreshAfter;
    private final Set<UUID> queued = ConcurrentHashMap.newKeySet();
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(256), runnable -> {
        Thread thread = new Thread(runnable, "maintenance-report");
        thread.setDaemon(true);
        return thread;
    });

    public MaintenanceService(LearningRepository repository, JsonMapper json, LearningSettings settings) {
        this.repository = repository;
        this.json = json;
        this.refreshAfter = Duration.ofSeconds(settings.maintenanceRefreshSeconds());
    }

    /** The stored report (status fresh, stale or pending); schedules a recomputation when it is due. */
    public MaintenanceReport report(UUID userId) {
        LearningRepository.Snapshot snapshot = repository.snapshot(userId);
        if (snapshot.report() == null) {
            schedule(userId);
            return MaintenanceReport.pending();
        }
        MaintenanceReport report = read(snapshot.report());
        Duration age = Duration.between(snapshot.computedAt(), Instant.now());
        // Outdated and archive candidates also change with time alone: a quiet user's report is redone daily.
        if (snapshot.snapshotVersion() == snapshot.currentVersion() && age.compareTo(MAX_AGE) < 0) {
            return report.withStatus("fresh");
        }
        if (age.compareTo(refreshAfter) >= 0) {
            schedule(userId);
        }
        return report.withStatus("stale");
    }

    private void schedule(UUID userId) {
        if (!queued.add(userId)) {
            return;
        }
        try {
            executor.execute(() -> {
                try {
                    refresh(userId);
                } catch (RuntimeException e) {
                    LOG.warn("Maintenance report of user {} failed: {}", userId, e.toString());
                } finally {
                    queued.remove(userId);
                }
            });
        } catch (RejectedExecutionException full) {
            // The queue is full: this user is picked up by a later request or the scheduled analysis.
            queued.remove(userId);
        }
    }

    /** Computes and stores the user's report now (background thread, analysis). */
    public MaintenanceReport refresh(UUID userId) {
        long version = repository.indexVersion(userId);
        Instant now = Instant.now();
        List<Duplicates.Text> texts = repository.recentTexts(userId, DUPLICATE_WINDOW);
        java.util.Map<UUID, String> byId = new java.util.HashMap<>();
        texts.forEach(t -> byId.put(t.id(), t.text()));
        List<MaintenanceReport.Duplicate> duplicates = Duplicates.find(texts, DUPLICATE_THRESHOLD, MAX_DUPLICATES).stream()
                .map(pair -> new MaintenanceReport.Duplicate(List.of(pair.a(), pair.b()), Math.round(pair.similarity() * 100) / 100.0,
                        pair.similarity() > MERGE_THRESHOLD ? "merge" : "review",
                        List.of(preview(byId.get(pair.a())), preview(byId.get(pair.b())))))
                .toList();
        List<MaintenanceReport.Outdated> outdated = repository.outdated(userId, MAX_ITEMS).stream()
                .map(m -> new MaintenanceReport.Outdated(m.id(), preview(m.text()), m.helpfulness(),
                        MemoryAnalytics.daysSinceAccess(m.lastAccessed(), now), "update_or_remove"))
                .toList();
        List<MaintenanceReport.Archive> archive = repository.archiveCandidates(userId, MAX_ITEMS).stream()
                .map(m -> new MaintenanceReport.Archive(m.id(), preview(m.text()), MemoryAnalytics.daysSinceAccess(m.lastAccessed(), now),
                        m.usageCount(), "archive"))
                .toList();
        long broken = repository.brokenRelationships(userId);
        MaintenanceReport report = new MaintenanceReport(duplicates, outdated, archive, broken,
                new MaintenanceReport.Summary(duplicates.size(), outdated.size(), archive.size(), broken), now, "fresh");
        repository.saveSnapshot(userId, version, write(report));
        return report;
    }

    private static String preview(String text) {
        return text == null || text.length() <= PREVIEW ? text : text.substring(0, PREVIEW) + "...";
    }

    private String write(MaintenanceReport report) {
        try {
            return json.writeValueAsString(report);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private MaintenanceReport read(String report) {
        try {
            return json.readValue(report, MaintenanceReport.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @PreDestroy
    void close() {
        executor.shutdownNow();
    }
}
