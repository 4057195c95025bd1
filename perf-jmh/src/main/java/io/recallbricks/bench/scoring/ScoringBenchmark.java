package io.recallbricks.bench.scoring;

import io.recallbricks.bench.fixtures.Corpus;
import io.recallbricks.memory.Memory;
import io.recallbricks.memory.MemoryAnalytics;
import io.recallbricks.retrieval.Scoring;
import io.recallbricks.retrieval.Weights;
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
import org.openjdk.jmh.annotations.Warmup;

import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The original's scoring formulas as the service implements them ({@code Scoring}, {@code MemoryAnalytics}), applied
 * to one page of candidates: search weighting (weighted score with recency, then age decay), suggest (weighted score
 * with a user's adaptive weights, rounded) and predict (signals scaled by helpfulness, capped, rounded). They run
 * for every candidate of every request, so a formula that turns expensive (a date computation, a logarithm too
 * many) shows here first. The reference reads the same fields of the same candidates and sums them: the floor of
 * a pass over the page, so the ratios say what the formulas themselves cost.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class ScoringBenchmark {

    /** A search with limit 10 and weighting scores limit × 3 candidates; suggest does the same. */
    static final int CANDIDATES = 30;
    private static final Weights ADAPTED = new Weights(0.35, 0.15, 0.55, 0.2);

    private Memory[] memories;
    private double[] relevance;
    private double[] signals;
    private Instant now;

    @Setup(Level.Trial)
    public void setUp() {
        memories = new Memory[CANDIDATES];
        relevance = new double[CANDIDATES];
        signals = new double[CANDIDATES];
        UUID user = new UUID(1, 1);
        for (int i = 0; i < CANDIDATES; i++) {
            memories[i] = Corpus.memory(new UUID(2, i), user, i * 17);
            relevance[i] = 1.0 - i / (double) CANDIDATES;
            signals[i] = 0.3 + (i % 4) * 0.2;
        }
        now = Corpus.NOW;
    }

    /** {@code POST /memories/search} with weight_by_usage and decay_old_memories. */
    @Benchmark
    public double searchWeighting() {
        double total = 0;
        for (int i = 0; i < CANDIDATES; i++) {
            Memory m = memories[i];
            double score = Scoring.weighted(relevance[i], m.usageCount(),
                    MemoryAnalytics.recencyScore(m.lastAccessed(), now), m.helpfulnessScore(), Weights.DEFAULT);
            total += score * Scoring.decay(m.lastAccessed(), now);
        }
        return total;
    }

    /** {@code POST /memories/suggest}: the weighted score with adapted weights, rounded as the response shows it. */
    @Benchmark
    public double suggestScore() {
        double total = 0;
        for (int i = 0; i < CANDIDATES; i++) {
            Memory m = memories[i];
            double score = Scoring.weighted(relevance[i], m.usageCount(),
                    MemoryAnalytics.recencyScore(m.lastAccessed(), now), m.helpfulnessScore(), ADAPTED);
            total += Scoring.round(score, 4);
        }
        return total;
    }

    /** {@code GET /memories/predict}: summed signals scaled by helpfulness, capped at 1, rounded. */
    @Benchmark
    public double predictConfidence() {
        double total = 0;
        for (int i = 0; i < CANDIDATES; i++) {
            total += Scoring.round(Scoring.prediction(signals[i], memories[i].helpfulnessScore()), 2);
        }
        return total;
    }

    @Benchmark
    public double referenceSum() {
        double total = 0;
        for (int i = 0; i < CANDIDATES; i++) {
            Memory m = memories[i];
            Instant last = m.lastAccessed();
            total += relevance[i] + signals[i] + m.usageCount() + m.helpfulnessScore()
                    + (last == null ? 0 : last.getEpochSecond());
        }
        return total;
    }
}
