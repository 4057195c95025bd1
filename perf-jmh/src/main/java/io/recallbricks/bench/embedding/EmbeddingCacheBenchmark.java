package io.recallbricks.bench.embedding;

import io.recallbricks.bench.standins.FixedEmbeddingClient;
import io.recallbricks.bench.standins.ServiceParts;
import io.recallbricks.embedding.Embedder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Group;
import org.openjdk.jmh.annotations.GroupThreads;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The service's embedding cache under contention: one thread looks up query embeddings that are cached (every
 * repeated search, predict and suggest), while another inserts new ones (first-time queries, writes), evicting
 * old entries at the configured size. Both go through the service's Embedder (its Caffeine cache, key record and
 * hit/miss counters); a miss is answered at once by a stand-in for the HTTP call, so an insertion is the cache's
 * own cost. Two threads, because the build machine has two cores. The reference group does the same with a
 * plain ConcurrentHashMap of the same keys: the ratio is the price of a bounded, counted cache over a bare map.
 */
@State(Scope.Group)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class EmbeddingCacheBenchmark {

    static final int CACHE_SIZE = 10_000;
    /** Keys that stay hot (looked up); well under the cache size, so lookups hit. */
    static final int HOT = 1024;
    /** Keys the inserting thread cycles through: many more than fit, so it keeps inserting and evicting. */
    static final int COLD = 100_000;
    static final int DIMENSIONS = 384;

    private Embedder embedder;
    private ConcurrentHashMap<String, float[]> map;
    private String[] hot;
    private String[] cold;
    private int nextHot;
    private int nextCold;

    @Setup(Level.Trial)
    public void setUp() {
        embedder = ServiceParts.embedder(DIMENSIONS, CACHE_SIZE);
        map = new ConcurrentHashMap<>();
        hot = new String[HOT];
        for (int i = 0; i < HOT; i++) {
            hot[i] = "what did we decide about the release of week " + i;
            float[] vector = embedder.forQuery(hot[i]).orElseThrow();
            map.put(hot[i], vector);
        }
        cold = new String[COLD];
        for (int i = 0; i < COLD; i++) {
            cold[i] = "notes from the customer call number " + i;
        }
    }

    // Group state is shared by the group's threads; each counter is written by one thread only.

    @Benchmark
    @Group("embedder")
    @GroupThreads(1)
    public Optional<float[]> lookup() {
        nextHot = (nextHot + 1) & (HOT - 1);
        return embedder.forQuery(hot[nextHot]);
    }

    @Benchmark
    @Group("embedder")
    @GroupThreads(1)
    public Optional<float[]> insert() {
        nextCold = nextCold + 1 == COLD ? 0 : nextCold + 1;
        return embedder.forQuery(cold[nextCold]);
    }

    @Benchmark
    @Group("referenceMap")
    @GroupThreads(1)
    public float[] referenceLookup() {
        nextHot = (nextHot + 1) & (HOT - 1);
        return map.get(hot[nextHot]);
    }

    @Benchmark
    @Group("referenceMap")
    @GroupThreads(1)
    public float[] referenceInsert() {
        nextCold = nextCold + 1 == COLD ? 0 : nextCold + 1;
        String key = cold[nextCold];
        // The same stand-in vector the Embedder's miss gets, so both groups do the same work besides the cache.
        float[] vector = FixedEmbeddingClient.vectorFor(key, DIMENSIONS);
        map.put(key, vector);
        return vector;
    }
}
