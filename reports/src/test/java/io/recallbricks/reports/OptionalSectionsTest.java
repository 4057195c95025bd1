package io.recallbricks.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recallbricks.reports.chaos.Experiment;
import io.recallbricks.reports.criteria.Criteria;
import io.recallbricks.reports.evaluation.Evaluation;
import io.recallbricks.reports.evaluation.Status;
import io.recallbricks.reports.jmh.BenchmarkRow;
import io.recallbricks.reports.run.RunFolder;
import io.recallbricks.reports.run.RunResults;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OptionalSectionsTest {

    static final Instant T0 = Instant.parse("2026-11-28T13:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void microbenchmarksArePairedWithTheirInRunReference() throws Exception {
        RunFixture run = RunFixture.standard(tmp.resolve("ci-1"), "ci", T0).writeHealthy(20);
        run.writeText("jmh/jmh-result.json", """
                [
                 {"benchmark": "io.recallbricks.bench.VectorRankingBenchmark.topK", "mode": "avgt",
                  "params": {"vectors": "1000", "dims": "384"},
                  "primaryMetric": {"score": 210.0, "scoreError": 5.5, "scoreUnit": "us/op"}},
                 {"benchmark": "io.recallbricks.bench.VectorRankingBenchmark.topK", "mode": "avgt",
                  "params": {"vectors": "10000", "dims": "384"},
                  "primaryMetric": {"score": 1500.0, "scoreError": 20.0, "scoreUnit": "us/op"}},
                 {"benchmark": "io.recallbricks.bench.VectorRankingBenchmark.referenceLoop", "mode": "avgt",
                  "params": {"vectors": "1000", "dims": "384"},
                  "primaryMetric": {"score": 100.0, "scoreError": 2.0, "scoreUnit": "us/op"}},
                 {"benchmark": "io.recallbricks.bench.VectorRankingBenchmark.referenceLoop", "mode": "avgt",
                  "params": {"vectors": "10000", "dims": "384"},
                  "primaryMetric": {"score": 1000.0, "scoreError": 9.0, "scoreUnit": "us/op"}},
                 {"benchmark": "io.recallbricks.bench.JsonBenchmark.searchResponse", "mode": "thrpt", "params": {},
                  "primaryMetric": {"score": 50000.0, "scoreError": "NaN", "scoreUnit": "ops/s"}},
                 {"benchmark": "io.recallbricks.bench.JsonBenchmark.plainTree", "mode": "thrpt",
                  "primaryMetric": {"score": 100000.0, "scoreError": 100.0, "scoreUnit": "ops/s"}}
                ]
                """);
        run.writeText("jmh/gate.json", """
                {"profile": "quick", "maxGatingTolerancePercent": 25.0, "passed": true, "benchmarks": {
                  "io.recallbricks.bench.VectorRankingBenchmark.topK[dims=384,vectors=1000]":
                    {"verdict": "OK", "tolerancePercent": 20.0, "gated": true, "changePercent": 1.2},
                  "io.recallbricks.bench.JsonBenchmark.searchResponse":
                    {"verdict": "REPORT_ONLY", "tolerancePercent": 125.0, "gated": false, "changePercent": 40.1}}}
                """);
        run.writeText("jmh/references.yaml", """
                references:
                  io.recallbricks.bench.JsonBenchmark.searchResponse: io.recallbricks.bench.JsonBenchmark.plainTree
                """);

        List<BenchmarkRow> rows = RunFolder.read(run.dir).microbenchmarks().orElseThrow();

        assertEquals(2.1, row(rows, "topK", "1000").ratio(), 1e-9, "by convention, same params");
        assertEquals(1.5, row(rows, "topK", "10000").ratio(), 1e-9);
        assertNull(row(rows, "referenceLoop", "1000").ratio(), "a reference has no reference");
        assertEquals(2.0, row(rows, "searchResponse", null).ratio(), 1e-9, "throughput: reference / score");
        assertTrue(Double.isNaN(row(rows, "searchResponse", null).benchmark().error()));

        RenderedReport report = SlaReport.render(run.dir, Criteria.defaults(), null);
        String html = Files.readString(report.reportDir().resolve("sla-report.html"));
        assertTrue(html.contains("<h2>Microbenchmarks</h2>"));
        assertTrue(html.contains("VectorRankingBenchmark.topK [dims=384, vectors=1000]"));
        assertTrue(html.contains("gated (tolerance +20 %): OK, +1.2 %"), "the JMH gate's verdict per benchmark");
        assertTrue(html.contains("report-only (tolerance +125 %), +40.1 %"), "too noisy to gate, and it says so");
        String md = Files.readString(report.reportDir().resolve("sla-report.md"));
        assertTrue(md.contains("Microbenchmarks (JMH)") && md.contains("report-only (tolerance +125 %)"), md);
        assertTrue(md.contains("### Resilience"), md);
        JsonNode json = new ObjectMapper().readTree(report.reportDir().resolve("sla-report.json").toFile());
        assertEquals(6, json.get("microbenchmarks").size());
        assertTrue(json.get("microbenchmarks").get(4).get("error").isNull(), "NaN error written as null");
    }

    @Test
    void chaosJournalsFillTheResilienceSectionAndGate() throws Exception {
        RunFixture run = RunFixture.standard(tmp.resolve("ci-1"), "ci", T0).writeHealthy(20);
        run.writeText("chaos/database-down.journal.json", """
                {
                  "chaoslib-version": "recallbricks-chaos/0.1",
                  "experiment": {"title": "Database down: the breaker opens, writes get a fast 503"},
                  "start": "2026-11-28T13:10:00", "end": "2026-11-28T13:11:30", "duration": 90.0,
                  "status": "completed", "deviated": false,
                  "steady_states": {"before": {"steady_state_met": true}, "after": {"steady_state_met": true}},
                  "run": [], "rollbacks": [],
                  "extensions": [{
                    "name": "recallbricks",
                    "fault": {"name": "database-down", "injectedAt": "2026-11-28T13:10:20Z", "removedAt": "2026-11-28T13:10:50Z"},
                    "breakerTransitions": [
                      {"t": "2026-11-28T13:10:22.500Z", "breaker": "database", "from": "closed", "to": "open"},
                      {"t": "2026-11-28T13:10:55Z", "breaker": "database", "from": "open", "to": "closed"}],
                    "requestsDuringFault": {"ok": 1200, "ko": 300, "byStatus": {"200": 1200, "503": 300}},
                    "writes": {"acknowledged": 120, "verifiedIntact": 120, "unacknowledged": 30, "halfWritten": 0},
                    "recovery": {"mttrSeconds": 6.5, "boundSeconds": 30}
                  }]
                }
                """);
        run.writeText("chaos/embedding-429.journal.json", """
                {"experiment": {"title": "Embedding API answers 429"}, "status": "completed", "deviated": true,
                 "extensions": [{"name": "recallbricks", "verdict": "failed",
                   "deviations": ["search answered 500 instead of keyword results"]}]}
                """);

        RunResults results = RunFolder.read(run.dir);
        List<Experiment> experiments = results.experiments().orElseThrow();
        assertEquals(2, experiments.size());
        Experiment down = experiments.get(0);
        assertTrue(down.passed());
        assertEquals(Instant.parse("2026-11-28T13:10:00Z"), down.start(), "Chaos Toolkit's offset-less UTC");
        assertEquals(2, down.breakerTransitions().size());
        assertEquals(0, down.writes().lost());
        assertFalse(experiments.get(1).passed());

        Evaluation e = SlaReport.evaluate(run.dir, Criteria.defaults());
        assertEquals(Status.FAIL, EvaluationTest.result(e, "resilience").status());
        assertEquals(50.0, EvaluationTest.result(e, "resilience").measured());
        assertTrue(EvaluationTest.result(e, "resilience").note().contains("failed: Embedding API answers 429"));
        assertFalse(e.passed());

        String html = Files.readString(SlaReport.render(run.dir, Criteria.defaults(), null).reportDir().resolve("sla-report.html"));
        assertTrue(html.contains("<h2>Resilience</h2>"));
        assertTrue(html.contains("+2.5 s database: closed \u2192 open"), "transition timed from the injection");
        assertTrue(html.contains("120 of 120 acknowledged verified intact"));
        assertTrue(html.contains("6.5 s"));
        assertTrue(html.contains("search answered 500 instead of keyword results"));
    }

    private static BenchmarkRow row(List<BenchmarkRow> rows, String method, String vectors) {
        return rows.stream().filter(r -> r.benchmark().method().equals(method)
                && (vectors == null || vectors.equals(r.benchmark().params().get("vectors")))).findFirst().orElseThrow();
    }
}
