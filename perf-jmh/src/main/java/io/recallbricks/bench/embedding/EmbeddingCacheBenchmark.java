package io.recallbricks.bench.embedding;

import io.recallbricks.bench.standins.FixedEmbeddingClient;
import io.recallbricks.bench.standins.ServiceParts;
import io.recallbricks.embedding.Embedder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The service's embedding cache under contention: two threads at once (the build machine has two cores) ask the
 * service's Embedder for query embeddings; seven requests in eight repeat a recent query (a cache hit), the eighth
 * is new (a miss: an insertion that evicts at the configured size). Every request goes through the Embedder's
 * Caffeine cache, key record and hit/miss counters; a miss is answered at once by a stand-in for the HTTP call, so
 * an insertion costs the cache's own work. One mixed operation rather than a reader group and a writer group, so
 * that every operation is alike and the cost per operation is comparable between runs. The reference does the
 * same mix on a plain ConcurrentHashMap of the same keys: the ratio is the price of a bounded, counted cache.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(2)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EmbeddingCacheBenchmark {

    static final int CACHE_SIZE = 10_000;
    /** Queries that stay hot; well under the cache size, so lookups hit. */
    static final int HOT = 1024;
    /** New texts, many more than fit: every one is a miss that inserts and, once full, evicts. */
    static final int COLD = 100_000;
    static final int DIMENSIONS = 384;
    /** One insertion in this many requests. */
    static final int MISS_EVERY = 8;

    private Embedder embedder;
    private ConcurrentHashMap<String, float[]> map;
    private String[] hot;
    private String[] cold;

    /** Each thread's own position in the key lists. */
    @State(Scope.Thread)
    public static class Cursor {
        int request;
        int nextHot;
        int nextCold;

        @Setup(Level.Trial)
        public void start() {
            // Threads start at different places so they do not ask for the same keys in lockstep.
            nextHot = (int) (Thread.currentThread().getId() * 97 % HOT);
            nextCold = (int) (Thread.currentThread().getId() * 7919 % COLD);
        }

        boolean miss() {
            return ++request % MISS_EVERY == 0;
        }

        String hotKey(String[] hot) {
            nextHot = (nextHot + 1) & (HOT - 1);
            return hot[nextHot];
        }

        String coldKey(String[] cold) {
            nextCold = nextCold + 1 == COLD ? 0 : nextCold + 1;
            return cold[nextCold];
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        embedder = ServiceParts.embedder(DIMENSIONS, CACHE_SIZE);
        map = new ConcurrentHashMap<>();
        hot = new String[HOT];
        for (int i = 0; i < HOT; i++) {
            hot[i] = "what did we decide about the release of week " + i;
            map.put(hot[i], embedder.forQuery(hot[i]).orElseThrow());
        }
        cold = new String[COLD];
        for (int i = 0; i < COLD; i++) {
            cold[i] = "notes from the customer call number " + i;
        }
    }

    @Benchmark
    public float[] embedder(Cursor cursor) {
        String text = cursor.miss() ? cursor.coldKey(cold) : cursor.hotKey(hot);
        return embedder.forQuery(text).orElseThrow();
    }

    @Benchmark
    public float[] referenceMap(Cursor cursor) {
        if (cursor.miss()) {
            String key = cursor.coldKey(cold);
            // The same stand-in vector the Embedder's miss gets, so both sides do the same work besides the cache.
            float[] vector = FixedEmbeddingClient.vectorFor(key, DIMENSIONS);
            map.put(key, vector);
            return vector;
        }
        return map.get(cursor.hotKey(hot));
    }
}
