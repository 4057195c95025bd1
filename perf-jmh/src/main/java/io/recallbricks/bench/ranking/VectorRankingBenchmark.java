package io.recallbricks.bench.ranking;

import io.recallbricks.bench.fixtures.Corpus;
import io.recallbricks.embedding.Vectors;
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
import org.openjdk.jmh.infra.Blackhole;

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Top-k by cosine over one user's vectors: the inner loop of every search, predict and suggest, which pgvector
 * would do in the database and this service does in memory (DESIGN §3.2). Its cost grows with rows × dimensions,
 * so it decides how large a tenant can grow before search misses its p95. Measured against {@link PlainTopK}
 * over the same matrix in the same run; the gate watches the ratio.
 *
 * <p>{@code -Drecallbricks.bench.extraRankingPasses=N} (default 0) ranks N more times per operation. It exists
 * only to show that the gate catches a slower ranking loop (README, "Showing the gate fail"); never set it
 * otherwise.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 2, jvmArgsPrepend = ForegroundJit.FLAG)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class VectorRankingBenchmark {

    /** Results a search asks for (its default limit). */
    static final int K = 10;
    /** Several queries, cycled, so the benchmark does not rank one fixed query the JIT could specialise on. */
    private static final int QUERIES = 16;
    static final String EXTRA_PASSES_PROPERTY = "recallbricks.bench.extraRankingPasses";

    @Param({"1000", "10000", "100000"})
    int vectors;

    @Param({"384", "1536"})
    int dims;

    private UserVectors userVectors;
    /** The same matrix UserVectors holds (normalised in place by its constructor): the reference reads it too. */
    private float[] matrix;
    private float[][] rawQueries;
    private float[][] unitQueries;
    private int next;
    private int extraPasses;

    @Setup(Level.Trial)
    public void setUp() {
        matrix = Corpus.matrix(vectors, dims, 42);
        userVectors = new UserVectors(1, dims, Corpus.ids(vectors, 7), matrix, Corpus.labels(vectors));
        rawQueries = Corpus.queries(QUERIES, dims, 1000);
        unitQueries = new float[QUERIES][];
        for (int i = 0; i < QUERIES; i++) {
            unitQueries[i] = Vectors.normalized(rawQueries[i]);
        }
        extraPasses = Integer.getInteger(EXTRA_PASSES_PROPERTY, 0);
    }

    private int nextQuery() {
        next = (next + 1) & (QUERIES - 1);
        return next;
    }

    /** The service's ranking ({@code UserVectors.top}) with no filter, as a search without project/tags runs it. */
    @Benchmark
    public List<UserVectors.Scored> topK(Blackhole blackhole) {
        float[] query = rawQueries[nextQuery()];
        for (int i = 0; i < extraPasses; i++) {
            blackhole.consume(userVectors.top(query, K, null, -1f));
        }
        return userVectors.top(query, K, null, -1f);
    }

    /** The reference: a plain loop over the same rows and the same queries. */
    @Benchmark
    public int[] referenceLoop() {
        // The service normalises the query per call; so does the reference, for the same work.
        float[] query = Vectors.normalized(rawQueries[nextQuery()]);
        return PlainTopK.top(query, matrix, vectors, K);
    }

    // For the correctness test: both sides must rank the same rows.
    UserVectors userVectors() {
        return userVectors;
    }

    float[] matrix() {
        return matrix;
    }

    float[] unitQuery(int i) {
        return unitQueries[i];
    }

    float[] rawQuery(int i) {
        return rawQueries[i];
    }
}
