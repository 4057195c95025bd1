package io.recallbricks.bench.ranking;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.runner.BenchmarkList;
import org.openjdk.jmh.runner.BenchmarkListEntry;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Both sides of every ranking ratio fork with the JIT in the foreground ({@link ForegroundJit}), as JMH will run
 * them: read from the benchmark list JMH's annotation processor generated, not from the source.
 */
class RankingForksTest {

    private static final String PACKAGE = RankingForksTest.class.getPackageName() + ".";

    @Test
    void everyRankingBenchmarkAndItsReferenceForkWithForegroundCompilation() {
        Map<String, BenchmarkListEntry> ranking = BenchmarkList.defaultList().getAll(null, List.of()).stream()
                .filter(entry -> entry.getUsername().startsWith(PACKAGE))
                .collect(Collectors.toMap(entry -> entry.getUsername().substring(PACKAGE.length()), entry -> entry));

        assertEquals(Set.of("VectorRankingBenchmark.topK", "VectorRankingBenchmark.referenceLoop",
                "HybridRetrievalBenchmark.hybrid", "HybridRetrievalBenchmark.referenceLoop"), ranking.keySet());
        ranking.forEach((name, entry) -> assertTrue(entry.getJvmArgsPrepend().hasValue()
                        && entry.getJvmArgsPrepend().get().contains(ForegroundJit.FLAG),
                name + " forks without " + ForegroundJit.FLAG));
    }
}
