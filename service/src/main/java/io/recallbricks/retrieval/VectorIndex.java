package io.recallbricks.retrieval;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.recallbricks.embedding.Embedder;
import io.recallbricks.web.ErrorCode;
import io.recallbricks.web.RetryableApiException;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The per-user vector matrices, cached in memory and bounded in bytes ({@code VECTOR_INDEX_MAX_MB}). PostgreSQL
 * stays the source of truth: each use reads the user's index version (one primary-key lookup) and reuses the
 * cached matrix only if it is that version; otherwise it applies the changes since its version (rows stamped with a
 * later version, deletions recorded as tombstones), or reloads when many changed. A write through any instance moves
 * the version in its own transaction, so every instance sees it on its next search. The cost of a search depends on
 * the user's own memory count only, never on the size of the table.
 *
 * <p>Users with many memories get an approximate-nearest-neighbour graph over their loaded rows, built in the
 * background after a load ({@link UserVectors#buildIndex()}); until then their searches scan, so a restart or a
 * reload never makes requests wait for a graph.
 *
 * <p>Metrics: {@code cache.hits/misses{cache=vectors}}, {@code vector_index.refreshes{kind=delta|full}},
 * {@code vector_index.graphs_built}.
 */
@Singleton
public class VectorIndex {

    private static final int LOCK_STRIPES = 64;
    static final java.time.Duration IDLE_EXPIRY = java.time.Duration.ofHours(6);
    /** Changes applied as a refresh at most; beyond (or when a tenth of the rows changed) a full load is cheaper. */
    static final int MAX_DELTA = 1000;

    private final VectorIndexRepository repository;
    private final Embedder embedder;
    private final Cache<UUID, UserVectors> cache;
    private final ReentrantLock[] locks = new ReentrantLock[LOCK_STRIPES];
    private final long loadTimeoutNanos;
    private final Counter hits;
    private final Counter misses;
    private final Counter deltaRefreshes;
    private final Counter fullLoads;
    private final Counter graphsBuilt;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(VectorIndex.class);
    /** Graph builds queued at most; beyond, users scan until they are loaded again. */
    private static final int BUILD_QUEUE = 256;
    /** One low-priority thread: a build is CPU-heavy and must not take the cores from requests. */
    private final ThreadPoolExecutor graphBuilder = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(BUILD_QUEUE), runnable -> {
                Thread thread = new Thread(runnable, "vector-graph-builder");
                thread.setDaemon(true);
                thread.setPriority(Thread.MIN_PRIORITY);
                return thread;
            });

    public VectorIndex(VectorIndexRepository repository, Embedder embedder, RetrievalSettings settings, MeterRegistry meters) {
        this.repository = repository;
        this.embedder = embedder;
        this.loadTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(settings.vectorLoadTimeoutMs());
        this.cache = Caffeine.newBuilder()
                .maximumWeight(budgetBytes(settings.vectorIndexMaxMb(), Runtime.getRuntime().maxMemory()))
                // Well within the day deletions are remembered for, so a refresh never misses one.
                .expireAfterAccess(IDLE_EXPIRY)
                .weigher((UUID user, UserVectors vectors) -> (int) Math.min(Integer.MAX_VALUE, vectors.weight()))
                .build();
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new ReentrantLock();
        }
        this.hits = Counter.builder("cache.hits").tag("cache", "vectors").register(meters);
        this.misses = Counter.builder("cache.misses").tag("cache", "vectors").register(meters);
        this.deltaRefreshes = Counter.builder("vector_index.refreshes").tag("kind", "delta").register(meters);
        this.fullLoads = Counter.builder("vector_index.refreshes").tag("kind", "full").register(meters);
        this.graphsBuilt = Counter.builder("vector_index.graphs_built").register(meters);
    }

    /**
     * {@code VECTOR_INDEX_MAX_MB}, but at most a third of the heap: the index is a cache, and a heap sized to the live
     * set (deploy/systemd: -Xmx256m) must not run out because the index's default was larger than the heap.
     */
    static long budgetBytes(int maxMb, long maxHeapBytes) {
        return Math.min((long) maxMb * 1024 * 1024, maxHeapBytes / 3);
    }

    /**
     * The user's current vectors. Waiting for another request's load of the same user and loading them itself both
     * count against one deadline ({@code VECTOR_LOAD_TIMEOUT_MS}); past it the request gets 503 DATABASE_UNAVAILABLE.
     */
    public UserVectors forUser(UUID userId) {
        long version = repository.version(userId);
        UserVectors cached = cache.getIfPresent(userId);
        if (cached != null && cached.version() >= version) {
            hits.increment();
            return cached;
        }
        long deadline = System.nanoTime() + loadTimeoutNanos;
        // One reload per user at a time; other users are not held up.
        ReentrantLock lock = locks[Math.floorMod(userId.hashCode(), LOCK_STRIPES)];
        acquire(lock, deadline);
        try {
            cached = cache.getIfPresent(userId);
            if (cached != null && cached.version() >= version) {
                hits.increment();
                return cached;
            }
            misses.increment();
            UserVectors refreshed = cached == null ? null : refresh(userId, cached, deadline);
            if (refreshed == null) {
                fullLoads.increment();
                refreshed = repository.load(userId, embedder.model(), embedder.dimensions(), deadline);
            }
            cache.put(userId, refreshed);
            scheduleIndex(userId, refreshed);
            return refreshed;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Builds the graph of freshly loaded vectors on a background thread, so the request that loaded them (and those
     * after it) scan instead of waiting; once built, every version sharing the loaded rows uses it. The cache entry
     * is weighed again with the graph.
     */
    private void scheduleIndex(UUID userId, UserVectors vectors) {
        if (!vectors.wantsIndex()) {
            return;
        }
        try {
            graphBuilder.execute(() -> {
                try {
                    vectors.buildIndex();
                    graphsBuilt.increment();
                    cache.asMap().computeIfPresent(userId, (user, current) -> current);
                } catch (RuntimeException e) {
                    LOG.warn("Building the vector graph of user {} failed; its searches scan instead", userId, e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // Shutting down, or many users loaded at once: they scan until their next load.
        }
    }

    @PreDestroy
    void stop() {
        graphBuilder.shutdownNow();
    }

    private static void acquire(ReentrantLock lock, long deadline) {
        try {
            if (lock.tryLock(deadline - System.nanoTime(), TimeUnit.NANOSECONDS)) {
                return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        throw new RetryableApiException(ErrorCode.DATABASE_UNAVAILABLE,
                "This user's memories are still being loaded from the database; retry shortly.", 1, Map.of());
    }

    /** The cached vectors brought up to date by the changes since their version, or null when a reload is better. */
    private UserVectors refresh(UUID userId, UserVectors cached, long deadline) {
        VectorIndexRepository.Delta delta = repository.changesSince(userId, cached.version(), embedder.model(),
                embedder.dimensions(), MAX_DELTA, deadline);
        if (delta == null) {
            return null;
        }
        UserVectors refreshed = cached.withChanges(delta.version(), delta.ids(), delta.matrix(), delta.labels(), delta.removed());
        if (refreshed.churn() > Math.max(MAX_DELTA, refreshed.size() / 10)) {
            return null;
        }
        deltaRefreshes.increment();
        return refreshed;
    }

    /** Housekeeping of the deletion log the refreshes read. */
    public int pruneTombstones() {
        return repository.pruneTombstones();
    }
}
