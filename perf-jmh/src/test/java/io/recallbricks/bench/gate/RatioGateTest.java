package io.recallbricks.bench.gate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RatioGateTest {

    @TempDir
    Path dir;

    private Path result(String name, double work, double reference) throws IOException {
        return new JmhJson()
                .add("x.B.work", "avgt", Map.of(), work, "ns/op")
                .add("x.B.reference", "avgt", Map.of(), reference, "ns/op")
                .write(dir, name);
    }

    @Test
    void updateWritesTheBaselineThatCheckThenHoldsRunsTo() throws IOException {
        Path baseline = dir.resolve("baseline/quick.json");
        String[] update = {"update", "--baseline", baseline.toString(), "--tolerance", "25", "--profile", "quick",
                result("first.json", 200, 100).toString()};
        assertEquals(0, RatioGate.run(update));

        Baseline written = Baseline.read(baseline);
        assertEquals(2.0, written.ratios().get("x.B.work"), 1e-9);
        assertEquals(25, written.tolerancePercent());

        assertEquals(0, RatioGate.run(new String[]{"check", "--baseline", baseline.toString(),
                result("same.json", 440, 210).toString()}));
        assertEquals(1, RatioGate.run(new String[]{"check", "--baseline", baseline.toString(),
                result("slower.json", 260, 100).toString()}));
    }

    @Test
    void updateKeepsTheToleranceOfTheExistingBaseline() throws IOException {
        Path baseline = dir.resolve("quick.json");
        new Baseline("quick", 35, "measured", Map.of("x.B.work", 9.0)).write(baseline);

        RatioGate.run(new String[]{"update", "--baseline", baseline.toString(), result("r.json", 300, 100).toString()});

        Baseline updated = Baseline.read(baseline);
        assertEquals(35, updated.tolerancePercent());
        assertEquals("measured", updated.about());
        assertEquals(3.0, updated.ratios().get("x.B.work"), 1e-9);
    }

    @Test
    void updateFromSeveralRunsTakesTheMedianAndATolerancePerBenchmarkFromItsSpread() throws IOException {
        Path baseline = dir.resolve("quick.json");
        Path a = new JmhJson().add("x.B.steady", "avgt", Map.of(), 100, "ns/op").add("x.B.noisy", "avgt", Map.of(), 100, "ns/op")
                .add("x.B.reference", "avgt", Map.of(), 100, "ns/op").write(dir, "a.json");
        Path b = new JmhJson().add("x.B.steady", "avgt", Map.of(), 102, "ns/op").add("x.B.noisy", "avgt", Map.of(), 130, "ns/op")
                .add("x.B.reference", "avgt", Map.of(), 100, "ns/op").write(dir, "b.json");
        Path c = new JmhJson().add("x.B.steady", "avgt", Map.of(), 101, "ns/op").add("x.B.noisy", "avgt", Map.of(), 110, "ns/op")
                .add("x.B.reference", "avgt", Map.of(), 100, "ns/op").write(dir, "c.json");

        RatioGate.run(new String[]{"update", "--baseline", baseline.toString(), "--tolerance", "15",
                a.toString(), b.toString(), c.toString()});

        Baseline written = Baseline.read(baseline);
        assertEquals(1.01, written.ratios().get("x.B.steady"), 1e-9);
        assertEquals(1.10, written.ratios().get("x.B.noisy"), 1e-9);
        assertEquals(15, written.tolerance("x.B.steady"), "2 % spread: the floor applies");
        assertEquals(60, written.tolerance("x.B.noisy"), "30 % spread, doubled");
        assertTrue(written.regressed("x.B.steady", 1.17));
        assertFalse(written.regressed("x.B.noisy", 1.7));
    }

    @Test
    void updateOnlyRewritesTheBenchmarksItNamesAndKeepsTheOthers() throws IOException {
        Path baseline = dir.resolve("quick.json");
        new Baseline("quick", 20, "measured", Map.of("x.B.work", 9.0, "y.C.other", 4.0),
                Map.of("x.B.work", 150.0, "y.C.other", 80.0)).write(baseline);
        Path a = new JmhJson().add("x.B.work", "avgt", Map.of(), 200, "ns/op").add("x.B.reference", "avgt", Map.of(), 100, "ns/op")
                .add("y.C.other", "avgt", Map.of(), 700, "ns/op").add("y.C.reference", "avgt", Map.of(), 100, "ns/op").write(dir, "a.json");
        Path b = new JmhJson().add("x.B.work", "avgt", Map.of(), 204, "ns/op").add("x.B.reference", "avgt", Map.of(), 100, "ns/op")
                .add("y.C.other", "avgt", Map.of(), 900, "ns/op").add("y.C.reference", "avgt", Map.of(), 100, "ns/op").write(dir, "b.json");

        assertEquals(0, RatioGate.run(new String[]{"update", "--baseline", baseline.toString(), "--only", "x.",
                a.toString(), b.toString()}));

        Baseline written = Baseline.read(baseline);
        assertEquals(2.02, written.ratios().get("x.B.work"), 1e-9);
        assertEquals(20, written.tolerance("x.B.work"), "re-measured: 2 % spread, the floor");
        assertEquals(4.0, written.ratios().get("y.C.other"), 1e-9);
        assertEquals(80, written.tolerance("y.C.other"), "not named: kept as it was");
        GateInputException e = assertThrows(GateInputException.class, () -> RatioGate.run(new String[]{"update",
                "--baseline", dir.resolve("none.json").toString(), "--only", "x.", "--tolerance", "20", a.toString()}));
        assertTrue(e.getMessage().contains("existing baseline"), e.getMessage());
    }

    @Test
    void updateAtLeastTakesNoToleranceBelowTheOtherBaselinesForTheSameBenchmark() throws IOException {
        Path quick = dir.resolve("quick.json");
        new Baseline("quick", 20, "6 runs", Map.of("x.B.work", 2.0), Map.of("x.B.work", 150.0)).write(quick);
        Path full = dir.resolve("full.json");
        Path a = new JmhJson().add("x.B.work", "avgt", Map.of(), 200, "ns/op").add("x.B.reference", "avgt", Map.of(), 100, "ns/op")
                .add("x.B.other", "avgt", Map.of(), 300, "ns/op").write(dir, "a.json");
        Path b = new JmhJson().add("x.B.work", "avgt", Map.of(), 202, "ns/op").add("x.B.reference", "avgt", Map.of(), 100, "ns/op")
                .add("x.B.other", "avgt", Map.of(), 303, "ns/op").write(dir, "b.json");

        RatioGate.run(new String[]{"update", "--baseline", full.toString(), "--tolerance", "20", "--at-least",
                quick.toString(), a.toString(), b.toString()});

        Baseline written = Baseline.read(full);
        assertEquals(150, written.tolerance("x.B.work"), "1 % spread here, but 150 % measured over more runs");
        assertEquals(20, written.tolerance("x.B.other"), "not in the other baseline: its own spread, the floor");

        Path single = dir.resolve("single.json");
        RatioGate.run(new String[]{"update", "--baseline", single.toString(), "--tolerance", "20", "--at-least",
                quick.toString(), a.toString()});
        assertEquals(150, Baseline.read(single).tolerance("x.B.work"), "one run measures no spread: the other's");
        assertEquals(20, Baseline.read(single).tolerance("x.B.other"));
    }

    @Test
    void spreadReportsTheLargestRunToRunDifference() throws IOException {
        RatioSpread spread = RatioSpread.of(java.util.List.of(
                JmhResultFile.read(result("a.json", 110, 100)),
                JmhResultFile.read(result("b.json", 100, 100)),
                JmhResultFile.read(result("c.json", 121, 110))));

        assertEquals(10.0, spread.largestPercent(), 1e-6);
    }

    @Test
    void unusableInputIsOneClearMessage() throws IOException {
        Path notJmh = Files.writeString(dir.resolve("x.json"), "{\"benchmark\": 1}");
        Path baseline = dir.resolve("b.json");
        new Baseline("quick", 20, "", Map.of()).write(baseline);

        GateInputException e = assertThrows(GateInputException.class, () ->
                RatioGate.run(new String[]{"check", "--baseline", baseline.toString(), notJmh.toString()}));
        assertTrue(e.getMessage().contains("not JMH JSON output"), e.getMessage());

        e = assertThrows(GateInputException.class, () ->
                RatioGate.run(new String[]{"check", "--baseline", dir.resolve("none.json").toString(),
                        result("ok.json", 1, 1).toString()}));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());

        e = assertThrows(GateInputException.class, () -> RatioGate.run(new String[]{"update", "--baseline",
                dir.resolve("new.json").toString(), result("r.json", 1, 1).toString()}));
        assertTrue(e.getMessage().contains("--tolerance"), e.getMessage());

        Path badBaseline = Files.writeString(dir.resolve("bad.json"), "{\"tolerancePercent\": 20, \"ratios\": {\"a\": -1}}");
        e = assertThrows(GateInputException.class, () -> Baseline.read(badBaseline));
        assertTrue(e.getMessage().contains("'a' must be a number above 0"), e.getMessage());
    }
}
