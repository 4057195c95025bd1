package io.recallbricks.bench.ranking;

import io.recallbricks.bench.fixtures.Corpus;
import io.recallbricks.embedding.Vectors;
import io.recallbricks.retrieval.HybridRetriever;
import io.recallbricks.retrieval.SearchMethod;
import io.recallbricks.retrieval.UserVectors;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The references do the same job as the service code they are divided into, or the ratios would mean nothing. */
class RankingReferencesTest {

    @Test
    void thePlainLoopRanksTheSameRowsAsTheService() {
        VectorRankingBenchmark benchmark = new VectorRankingBenchmark();
        benchmark.vectors = 2000;
        benchmark.dims = 384;
        benchmark.setUp();
        UUID[] ids = Corpus.ids(benchmark.vectors, 7);

        for (int q = 0; q < 4; q++) {
            List<UUID> service = benchmark.userVectors().top(benchmark.rawQuery(q), VectorRankingBenchmark.K, null, -1f)
                    .stream().map(UserVectors.Scored::id).toList();
            int[] rows = PlainTopK.top(benchmark.unitQuery(q), benchmark.matrix(), benchmark.vectors, VectorRankingBenchmark.K);
            List<UUID> reference = Arrays.stream(rows).mapToObj(row -> ids[row]).toList();

            assertEquals(VectorRankingBenchmark.K, reference.size());
            assertEquals(service, reference, "query " + q);
        }
    }

    @Test
    void thePlainLoopKeepsTheBestFirstAndHandlesFewerRowsThanK() {
        float[] matrix = {1, 0, 0, 1, 0.6f, 0.8f};
        assertEquals(List.of(1, 2, 0), Arrays.stream(PlainTopK.top(Vectors.normalized(new float[]{0, 1}), matrix, 3, 5))
                .boxed().toList());
    }

    @Test
    void hybridRetrievalOverTheStandInsFusesVectorAndKeywordCandidates() {
        HybridRetrievalBenchmark benchmark = new HybridRetrievalBenchmark();
        benchmark.vectors = 1000;
        benchmark.dims = 384;
        benchmark.setUp();

        HybridRetriever.Result result = benchmark.hybrid();

        assertEquals(SearchMethod.hybrid, result.method());
        assertTrue(result.candidates().stream().anyMatch(HybridRetriever.Candidate::keywordMatch), "keyword rows fused in");
        assertTrue(result.candidates().stream().anyMatch(c -> !c.keywordMatch() && c.vectorSimilarity() != null),
                "vector rows fused in");
        for (int i = 1; i < result.candidates().size(); i++) {
            assertFalse(result.candidates().get(i).relevance() > result.candidates().get(i - 1).relevance(), "ranked");
        }
    }
}
