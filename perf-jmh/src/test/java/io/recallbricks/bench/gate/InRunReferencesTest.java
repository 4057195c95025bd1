package io.recallbricks.bench.gate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class InRunReferencesTest {

    private static final String RANKING = "io.recallbricks.bench.ranking.VectorRankingBenchmark";

    @TempDir
    Path dir;

    @Test
    void pairsEachParameterCombinationWithTheReferenceOfTheSameParameters() throws IOException {
        List<JmhResult> results = new JmhJson()
                .add(RANKING + ".topK", "avgt", Map.of("vectors", "1000", "dims", "384"), 90, "us/op")
                .add(RANKING + ".topK", "avgt", Map.of("vectors", "10000", "dims", "384"), 1200, "us/op")
                .add(RANKING + ".referenceLoop", "avgt", Map.of("vectors", "1000", "dims", "384"), 100, "us/op")
                .add(RANKING + ".referenceLoop", "avgt", Map.of("vectors", "10000", "dims", "384"), 1000, "us/op")
                .results(dir);

        List<InRunReferences.Paired> paired = InRunReferences.pair(results);

        assertEquals(2, paired.size(), "references are not listed as benchmarks of their own");
        assertEquals(0.9, paired.get(0).gatedRatio(), 1e-9);
        assertEquals("1000", paired.get(0).reference().params().get("vectors"));
        assertEquals(1.2, paired.get(1).gatedRatio(), 1e-9);
        assertEquals("10000", paired.get(1).reference().params().get("vectors"));
    }

    @Test
    void aReferenceWithFewerParametersPairsAndTheMostSpecificWins() throws IOException {
        List<JmhResult> results = new JmhJson()
                .add("x.B.work", "avgt", Map.of("size", "10", "kind", "a"), 30, "ns/op")
                .add("x.B.reference", "avgt", Map.of(), 10, "ns/op")
                .add("x.B.reference", "avgt", Map.of("size", "10"), 20, "ns/op")
                .results(dir);

        assertEquals(1.5, InRunReferences.pair(results).get(0).gatedRatio(), 1e-9);
    }

    @Test
    void throughputRatiosAreInvertedSoAboveOneIsAlwaysSlower() throws IOException {
        List<JmhResult> results = new JmhJson()
                .add("x.B.work", "thrpt", Map.of(), 50, "ops/s")
                .add("x.B.referenceWork", "thrpt", Map.of(), 100, "ops/s")
                .results(dir);

        assertEquals(2.0, InRunReferences.pair(results).get(0).gatedRatio(), 1e-9);
    }

    @Test
    void theGatedRatioComparesBestIterationsSoABurstOnOneSideDoesNotMoveIt() throws IOException {
        // The benchmark's second fork ran while a neighbour compiled: its iterations took twice as long.
        List<JmhResult> results = new JmhJson()
                .addIterations("x.B.work", "avgt", Map.of(), "us/op", new double[][]{{110, 100, 105}, {200, 210, 220}})
                .addIterations("x.B.reference", "avgt", Map.of(), "us/op", new double[][]{{50, 52, 51}, {50, 51, 50}})
                .results(dir);

        InRunReferences.Paired paired = InRunReferences.pair(results).get(0);

        assertEquals(2.0, paired.gatedRatio(), 1e-9);
        assertEquals(157.5 / 50.666666666666664, paired.meanRatio(), 1e-9);
    }

    @Test
    void theGatedRatioUsesCpuTimePerOperationWhenTheRunRecordedIt() throws IOException {
        // Wall-clock iterations swing with the neighbours' load; CPU time per operation does not.
        List<JmhResult> results = new JmhJson()
                .addIterations("x.B.work", "avgt", Map.of(), "us/op", new double[][]{{900, 300}}, new double[][]{{31, 30}})
                .addIterations("x.B.reference", "avgt", Map.of(), "us/op", new double[][]{{100, 400}}, new double[][]{{10, 10.5}})
                .results(dir);

        InRunReferences.Paired paired = InRunReferences.pair(results).get(0);

        assertEquals(3.0, paired.gatedRatio(), 1e-9);
        assertEquals(600 / 250.0, paired.meanRatio(), 1e-9);
    }

    @Test
    void noRatioWithoutAComparableReference() throws IOException {
        List<JmhResult> results = new JmhJson()
                .add("x.Http.roundTrip", "avgt", Map.of(), 50, "us/op")
                .add("x.Units.work", "avgt", Map.of(), 50, "us/op")
                .add("x.Units.reference", "avgt", Map.of(), 5, "ns/op")
                .add("x.Two.work", "avgt", Map.of(), 50, "ns/op")
                .add("x.Two.referenceA", "avgt", Map.of(), 5, "ns/op")
                .add("x.Two.referenceB", "avgt", Map.of(), 5, "ns/op")
                .results(dir);

        List<InRunReferences.Paired> paired = InRunReferences.pair(results);

        assertEquals(3, paired.size());
        paired.forEach(p -> assertNull(p.gatedRatio(), p.result().benchmark() + " should have no ratio"));
    }
}
