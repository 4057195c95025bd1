package io.recallbricks.reports;

import io.recallbricks.reports.cli.ReportsCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CliTest {

    static final Instant T0 = Instant.parse("2026-11-28T13:00:00Z");

    @TempDir
    Path tmp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return ReportsCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void exitsZeroWhenEveryCriterionIsMet() {
        RunFixture fixture = RunFixture.standard(tmp.resolve("ci-1"), "ci", T0).writeHealthy(20);
        assertEquals(0, run("render", fixture.dir.toString()), err.toString());
        assertTrue(out.toString().contains("SLA gate: PASSED"), out.toString());
        assertTrue(Files.isRegularFile(fixture.dir.resolve("report/sla-report.html")));
        assertTrue(Files.isRegularFile(fixture.dir.resolve("report/sla-report.md")));
        assertTrue(Files.isRegularFile(fixture.dir.resolve("report/sla-report.json")));
        assertTrue(Files.isRegularFile(fixture.dir.resolve("report/junit.xml")));
    }

    @Test
    void exitsOneWhenACriterionFailsUnderAStricterCriteriaFile() throws Exception {
        RunFixture fixture = RunFixture.standard(tmp.resolve("ci-1"), "ci", T0).writeHealthy(20);
        Path strict = Files.writeString(tmp.resolve("strict.yaml"), """
                version: "strict-1"
                criteria:
                  - id: p95-predict
                    title: P95 Latency (Predict)
                    metric: latency
                    endpoint: predict
                    percentile: 95
                    target: "< 5"
                """);
        assertEquals(1, run("render", fixture.dir.toString(), "--criteria", strict.toString()));
        assertTrue(out.toString().contains("SLA gate: FAILED (criteria version strict-1, exit 1)"), out.toString());
    }

    @Test
    void exitsTwoWithAReasonWhenInputsCannotBeRead() throws Exception {
        assertEquals(2, run("render", tmp.resolve("absent").toString()));
        assertTrue(err.toString().contains("absent is not a directory"), err.toString());

        RunFixture fixture = RunFixture.standard(tmp.resolve("ci-1"), "ci", T0).writeHealthy(20);
        Path bad = Files.writeString(tmp.resolve("bad.yaml"), "version: \"1\"\ncriteria:\n  - id: x\n    metric: nope\n    target: \"< 1\"\n");
        assertEquals(2, run("render", fixture.dir.toString(), "--criteria", bad.toString()));
        assertTrue(err.toString().contains("line 4 (criteria[0].metric): unknown metric 'nope'"), err.toString());

        Files.writeString(fixture.dir.resolve("phases/peak/latency.hlog"), "#[StartTime: 1 (seconds since epoch)]\nTag=predict,0.0,1.0,10.0,NOT-BASE64!!\n");
        assertEquals(2, run("render", fixture.dir.toString()));
        assertTrue(err.toString().contains("latency.hlog is not a readable HdrHistogram log"), err.toString());

        Files.delete(fixture.dir.resolve("run.json"));
        assertEquals(2, run("render", fixture.dir.toString()));
        assertTrue(err.toString().contains("run.json does not exist"), err.toString());
        assertFalse(err.toString().contains("\tat "), "no stack trace for bad input: " + err);
    }

    @Test
    void aBrokenSampleLineIsNamed() throws Exception {
        RunFixture fixture = RunFixture.standard(tmp.resolve("ci-1"), "ci", T0).writeHealthy(20);
        Path samples = fixture.dir.resolve("server-samples.jsonl");
        Files.writeString(samples, Files.readString(samples) + "{\"t\": \"2026-11-28T13:00:00Z\", \"processCpu\": \n");
        assertEquals(2, run("render", fixture.dir.toString()));
        int lines = Files.readAllLines(samples).size();
        assertTrue(err.toString().contains("server-samples.jsonl line " + lines + " is not a valid sample"), err.toString());
    }

    @Test
    void anOutcomesFileWithoutItsCountsIsRejected() throws Exception {
        RunFixture fixture = RunFixture.standard(tmp.resolve("ci-1"), "ci", T0).writeHealthy(20);
        fixture.writeText("phases/peak/outcomes.json", "{\"predict\": {\"ok\": 10, \"byStatus\": {\"200\": 10}}}");
        assertEquals(2, run("render", fixture.dir.toString()));
        assertTrue(err.toString().matches("(?s).*phases/peak/outcomes.json is not valid: .*'ko'.*"), err.toString());
    }

    @Test
    void usageErrorsExitTwo() {
        assertEquals(2, run("render"));
        assertTrue(err.toString().contains("Missing required parameter"), err.toString());
        assertEquals(2, run("frobnicate"));
        assertEquals(2, run());
    }

    @Test
    void mergeWritesOneRunAndGatesIt() {
        RunFixture a = RunFixture.standard(tmp.resolve("inj-a"), "ci", T0).writeHealthy(20);
        RunFixture b = RunFixture.standard(tmp.resolve("inj-b"), "ci", T0).writeHealthy(20);
        Path merged = tmp.resolve("merged").resolve("ci-merged");

        assertEquals(0, run("merge", a.dir.toString(), b.dir.toString(), "--out", merged.toString()), err.toString());
        assertTrue(out.toString().contains("Merged 2 injector folders"), out.toString());
        assertTrue(out.toString().matches("(?s).*RPS Sustained +\\| >= 150 rps +\\| 300\\.0 rps.*"),
                "two injectors at 150 each achieve 300: " + out);
        assertTrue(Files.isRegularFile(merged.resolve("report/junit.xml")));

        assertEquals(2, run("merge", a.dir.toString(), b.dir.toString(), "--out", merged.toString()));
        assertTrue(err.toString().contains("exists and is not empty"), err.toString());
    }
}
