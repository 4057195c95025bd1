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
 * cached matrix only if it is that version, otherwise reloads it. A write through any instance moves the version in
 * its own transaction, so every instance sees it on its next search. The cost of a search depends on the user's own
 * memory count only, never on the size of the table.
 *
 * <p>Metrics: {@code cache.hits/misses{cache=vectors}}.
 */
@Singleton
public class VectorIndex {

    private static final int LOCK_STRIPES = 64;

    private final VectorIndexRepository repository;
    private final Embedder embedder;
    private final Cache<UUID, UserVectors> cache;
    private final Object[] locks = new Object[LOCK_STRIPES];
    private final Counter hits;
    private final Counter misses;

    public VectorIndex(VectorIndexRepository repository, Embedder embedder, RetrievalSettings settings, MeterRegistry meters) {
        this.repository = repository;
        this.embedder = embedder;
        this.cache = Caffeine.newBuilder()
                .maximumWeight((long) settings.vectorIndexMaxMb() * 1024 * 1024)
                .weigher((UUID user, UserVectors vectors) -> (int) Math.min(Integer.MAX_VALUE, vectors.weight()))
                .build();
        for (int i = 0; i < LOCK_STRIPES; i++) {
            locks[i] = new Object();
        }
        this.hits = Counter.builder("cache.hits").tag("cache", "vectors").register(meters);
        this.misses = Counter.builder("cache.misses").tag("cache", "vectors").register(meters);
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
            UserVectors loaded = repository.load(userId, embedder.model(), embedder.dimensions());
            cache.put(userId, loaded);
            return loaded;
        }
    }
}
