package io.recallbricks.retrieval;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.recallbricks.embedding.Embedder;
import jakarta.inject.Singleton;

import java.util.UUID;

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
    private final Object[] locks = new Object[LOCK_STRIPES];
    private final Counter hits;
    private final Counter misses;
    private final Counter deltaRefreshes;
    private final Counter fullLoads;

    public VectorIndex(VectorIndexRepository repository, Embedder embedder, RetrievalSettings settings, MeterRegistry meters) {
        this.repository = repository;
        this.embedder = embedder;
        this.cache = Caffeine.newBuilder()
                .maximumWeight((long) settings.vectorIndexMaxMb() * 1024 * 1024)
                // Well within the day deletions are remembered for, so a refresh never misses one.
                .expireAfterAccess(IDLE_EXPIRY)
                .weigher((UUID user, UserVectors vectors) -> (int) Math.min(Integer.MAX_VALUE, vectors.weight()))
                .build();
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new Object();
        }
        this.hits = Counter.builder("cache.hits").tag("cache", "vectors").register(meters);
        this.misses = Counter.builder("cache.misses").tag("cache", "vectors").register(meters);
        this.deltaRefreshes = Counter.builder("vector_index.refreshes").tag("kind", "delta").register(meters);
        this.fullLoads = Counter.builder("vector_index.refreshes").tag("kind", "full").register(meters);
    }

    /** The user's current vectors. */
    public UserVectors forUser(UUID userId) {
        long version = repository.version(userId);
        UserVectors cached = cache.getIfPresent(userId);
        if (cached != null && cached.version() >= version) {
            hits.increment();
            return cached;
        }
        // One reload per user at a time; other users are not held up.
        synchronized (locks[Math.floorMod(userId.hashCode(), LOCK_STRIPES)]) {
            cached = cache.getIfPresent(userId);
            if (cached != null && cached.version() >= version) {
                hits.increment();
                return cached;
            }
            misses.increment();
            UserVectors refreshed = cached == null ? null : refresh(userId, cached);
            if (refreshed == null) {
                fullLoads.increment();
                refreshed = repository.load(userId, embedder.model(), embedder.dimensions());
            }
            cache.put(userId, refreshed);
            return refreshed;
        }
    }

    /** The cached vectors brought up to date by the changes since their version, or null when a reload is better. */
    private UserVectors refresh(UUID userId, UserVectors cached) {
        VectorIndexRepository.Delta delta = repository.changesSince(userId, cached.version(), embedder.model(),
                embedder.dimensions(), MAX_DELTA);
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
