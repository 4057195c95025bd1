package io.recallbricks.bench.ranking;

import io.recallbricks.bench.fixtures.Corpus;
import io.recallbricks.bench.standins.InMemoryRetrieval;
import io.recallbricks.embedding.Vectors;
import io.recallbricks.retrieval.HybridRetriever;
import io.recallbricks.retrieval.UserVectors;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * Hybrid retrieval as search, predict and suggest run it ({@code HybridRetriever.retrieve}): the query's embedding
 * from the cache, the version check, top-k by cosine, then the fusion {@code 0.7 × cosine + 0.3 × keyword} over the
 * union of vector and full-text candidates and a sort. The database round trips are replaced by maps (see
 * {@link InMemoryRetrieval}), so this is the service's CPU per query. The reference is the plain top-k over the
 * same rows: the ratio says what fusion and its bookkeeping add to bare ranking.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsPrepend = ForegroundJit.FLAG)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class HybridRetrievalBenchmark {

    /** What a search with limit 10 and weighting asks the retriever for (limit × 3 of each kind). */
    static final int CANDIDATES = 30;
    private static final String[] QUERIES = {"database migration rollback", "deploy the release pipeline",
            "customer invoice incident", "embedding cache latency", "kubernetes schema feedback",
            "agent memory search", "postgres index latency", "release review owner"};

    @Param({"1000", "10000"})
    int vectors;

    @Param({"384"})
    int dims;

    private InMemoryRetrieval retrieval;
    private float[] matrix;
    private float[][] unitQueries;
    private int next;

    @Setup(Level.Trial)
    public void setUp() {
        matrix = Corpus.matrix(vectors, dims, 42);
        retrieval = new InMemoryRetrieval(vectors, dims, matrix, CANDIDATES);
        unitQueries = new float[QUERIES.length][];
        for (int i = 0; i < QUERIES.length; i++) {
            // Warms the embedding cache, as a repeated query would find it; the same vectors feed the reference.
            unitQueries[i] = Vectors.normalized(retrieval.embedder.forQuery(QUERIES[i]).orElseThrow());
        }
    }

    private int nextQuery() {
        next = (next + 1) % QUERIES.length;
        return next;
    }

    @Benchmark
    public HybridRetriever.Result hybrid() {
        return retrieval.retriever.retrieve(retrieval.userId, QUERIES[nextQuery()], UserVectors.Filter.NONE, CANDIDATES, 0f);
    }

    @Benchmark
    public int[] referenceLoop() {
        return PlainTopK.top(unitQueries[nextQuery()], matrix, vectors, CANDIDATES);
    }
}
