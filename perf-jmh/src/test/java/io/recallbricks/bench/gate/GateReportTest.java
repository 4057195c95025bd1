package io.recallbricks.bench.gate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GateReportTest {

    private static final String KEY = "x.B.work[n=1]";

    @TempDir
    Path dir;

    private List<JmhResult> run(double workScore, double referenceScore) throws IOException {
        return new JmhJson()
                .add("x.B.work", "avgt", Map.of("n", "1"), workScore, "us/op")
                .add("x.B.reference", "avgt", Map.of("n", "1"), referenceScore, "us/op")
                .add("x.Http.roundTrip", "avgt", Map.of(), 900, "us/op")
                .results(dir);
    }

    private static Baseline baseline(double ratio) {
        return new Baseline("quick", 20, "", Map.of(KEY, ratio));
    }

    @Test
    void aRatioWithinTheToleranceHoldsWhateverTheAbsoluteTimes() throws IOException {
        // Everything three times slower (a busy machine): the ratio is unchanged.
        GateReport report = GateReport.judge(run(300, 300), baseline(1.0));

        assertTrue(report.passed(), report.table());
        assertEquals(GateReport.Verdict.OK, report.lines().get(0).verdict());
        assertEquals(GateReport.Verdict.REPORTED, report.lines().get(1).verdict(), "no reference: reported only");
    }

    @Test
    void aRatioBeyondTheToleranceFailsTheGate() throws IOException {
        GateReport report = GateReport.judge(run(125, 100), baseline(1.0));

        assertFalse(report.passed());
        assertEquals(GateReport.Verdict.REGRESSION, report.lines().get(0).verdict());
        assertTrue(report.table().contains("FAILED (1 regression(s), 0 missing)"), report.table());
    }

    @Test
    void aBenchmarkWhoseToleranceExceeds25PercentIsReportOnlyAndNeverGates() throws IOException {
        Baseline noisy = new Baseline("quick", 20, "", Map.of(KEY, 1.0), Map.of(KEY, 125.0));
        GateReport report = GateReport.judge(run(300, 100), noisy); // 3x slower than its baseline ratio

        assertEquals(GateReport.Verdict.REPORT_ONLY, report.lines().get(0).verdict());
        assertTrue(report.passed(), "a tolerance of +125 % gates nothing, so it does not pretend to");
        assertTrue(report.table().contains("REPORT_ONLY: 1 benchmark(s) whose tolerance exceeds +25%"), report.table());
        Baseline gating = new Baseline("quick", 20, "", Map.of(KEY, 1.0), Map.of(KEY, 25.0));
        assertEquals(GateReport.Verdict.REGRESSION, GateReport.judge(run(130, 100), gating).lines().get(0).verdict());
    }

    @Test
    void justInsideTheToleranceStillPasses() throws IOException {
        assertTrue(GateReport.judge(run(119, 100), baseline(1.0)).passed());
    }

    @Test
    void aFasterRatioPassesAndIsFlagged() throws IOException {
        GateReport report = GateReport.judge(run(50, 100), baseline(1.0));

        assertTrue(report.passed());
        assertEquals(GateReport.Verdict.FASTER, report.lines().get(0).verdict());
    }

    @Test
    void aBaselineEntryTheRunDidNotProduceFailsTheGate() throws IOException {
        Baseline baseline = new Baseline("quick", 20, "", Map.of(KEY, 1.0, "x.B.gone[n=1]", 2.0));

        GateReport report = GateReport.judge(run(100, 100), baseline);

        assertFalse(report.passed());
        assertEquals(GateReport.Verdict.MISSING, report.lines().get(2).verdict());
    }

    @Test
    void aNewRatioPassesUntilItIsAddedToTheBaseline() throws IOException {
        GateReport report = GateReport.judge(run(100, 100), new Baseline("quick", 20, "", Map.of()));

        assertTrue(report.passed());
        assertEquals(GateReport.Verdict.NEW, report.lines().get(0).verdict());
    }
}
