package io.recallbricks.retrieval;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.recallbricks.embedding.Embedder;
import io.recallbricks.web.ErrorCode;
import io.recallbricks.web.RetryableApiException;
import jakarta.inject.Singleton;

import java.util.Map;
import java.util.UUID;
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
 * <p>Metrics: {@code cache.hits/misses{cache=vectors}}, {@code vector_index.refreshes{kind=delta|full}}.
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

    public VectorIndex(VectorIndexRepository repository, Embedder embedder, RetrievalSettings settings, MeterRegistry meters) {
        this.repository = repository;
        this.embedder = embedder;
        this.loadTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(settings.vectorLoadTimeoutMs());
        this.cache = Caffeine.newBuilder()
                .maximumWeight((long) settings.vectorIndexMaxMb() * 1024 * 1024)
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
            return refreshed;
        } finally {
            lock.unlock();
        }
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
