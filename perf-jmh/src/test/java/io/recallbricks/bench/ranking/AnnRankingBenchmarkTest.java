package io.recallbricks.bench.ranking;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The graph the benchmark times finds what the exact scan finds; otherwise its speed would mean nothing. */
class AnnRankingBenchmarkTest {

    @Test
    void theIndexedSearchKeepsRecallAt10AboveTheTargetAndAnswersK() {
        AnnRankingBenchmark benchmark = new AnnRankingBenchmark();
        benchmark.vectors = 5000;
        benchmark.dims = 64;
        benchmark.setUp();

        assertTrue(benchmark.recall() >= 0.95, "recall@10 " + benchmark.recall());
        assertEquals(AnnRankingBenchmark.K, benchmark.indexed().size());
        assertEquals(AnnRankingBenchmark.K, benchmark.referenceExactScan().size());
    }
}
