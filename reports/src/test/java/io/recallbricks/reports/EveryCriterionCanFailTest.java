package io.recallbricks.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recallbricks.reports.criteria.Criteria;
import io.recallbricks.reports.evaluation.CriterionResult;
import io.recallbricks.reports.evaluation.Evaluation;
import io.recallbricks.reports.evaluation.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static io.recallbricks.reports.EvaluationTest.result;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * For each criterion the issue named as unable to fail, a run where it must fail: the gate says FAIL and exits 1.
 * Each starts from the healthy fixture (which passes, EvaluationTest) and breaks one thing.
 */
class EveryCriterionCanFailTest {

    static final Instant T0 = Instant.parse("2026-11-28T13:00:00Z");

    @TempDir
    Path tmp;

    /** Peak's outcomes: {@code sent} per endpoint sent in the window, of which {@code good} came back OK in it. */
    private static Map<String, Object> peakOutcomes(long sent, long completed, long good, long okTotal) {
        Map<String, Object> outcomes = new TreeMap<>();
        for (String endpoint : RunFixture.MIX) {
            outcomes.put(endpoint, Map.of("ok", okTotal, "ko", sent - okTotal,
                    "byStatus", Map.of("200", okTotal, "timeout", sent - okTotal),
                    "sentInWindow", sent, "completedInWindow", completed, "goodInWindow", good));
        }
        return outcomes;
    }

    private Criteria peakAlone() throws IOException {
        return Criteria.load(Files.writeString(tmp.resolve("peak-alone.yaml"), """
                version: "peak-alone"
                criteria:
                  - id: rps-peak
                    title: Peak RPS
                    metric: throughput
                    phases: peak
                    target: ">= 200"
                    allowedShortfallPercent: 1
                """));
    }

    @Test
    void aServiceThatAnswersSixtyPercentOfTheOfferedRateFailsPeakRpsEvenAlone() throws IOException {
        // Peak offered 200/s for 10 s (400 per endpoint); 60 % came back OK inside the window, the rest timed out.
        RunFixture run = RunFixture.standard(tmp.resolve("ci-60"), "ci", T0).writeHealthy(20);
        run.writeOutcomes("peak", "outcomes.json", peakOutcomes(400, 400, 240, 240));

        Evaluation alone = SlaReport.evaluate(run.dir, peakAlone());
        assertEquals(Status.FAIL, alone.results().get(0).status());
        assertEquals(120.0, alone.results().get(0).measured(), 1e-9, "good rate, not the 200 offered");
        assertEquals(1, alone.exitCode());

        Evaluation all = SlaReport.evaluate(run.dir, Criteria.defaults());
        assertEquals(Status.FAIL, result(all, "rps-peak").status());
        assertEquals(1, all.exitCode());
    }

    @Test
    void okResponsesThatCompleteAfterTheWindowAreNotGoodput() throws IOException {
        // Every request answered 200, but only half of them inside the window: the service kept up with half.
        RunFixture run = RunFixture.standard(tmp.resolve("ci-late"), "ci", T0).writeHealthy(20);
        run.writeOutcomes("peak", "outcomes.json", peakOutcomes(400, 200, 200, 400));

        Evaluation e = SlaReport.evaluate(run.dir, peakAlone());
        assertEquals(100.0, e.results().get(0).measured(), 1e-9);
        assertEquals(Status.FAIL, e.results().get(0).status());
        assertTrue(e.results().get(0).note().contains("sent 200.0, achieved 100.0, good 100.0 rps"),
                e.results().get(0).note());
    }

    @Test
    void outcomesWithoutWindowCountsAreNotMeasuredRatherThanCredited() throws IOException {
        RunFixture run = RunFixture.standard(tmp.resolve("ci-old"), "ci", T0).writeHealthy(20);
        Map<String, Object> old = new TreeMap<>();
        RunFixture.MIX.forEach(ep -> old.put(ep, Map.of("ok", 400, "ko", 0, "byStatus", Map.of("200", 400))));
        run.writeOutcomes("peak", "outcomes.json", old);

        Evaluation e = SlaReport.evaluate(run.dir, peakAlone());
        assertEquals(Status.NOT_MEASURED, e.results().get(0).status());
        assertEquals(1, e.exitCode());
    }

    @Test
    void anInjectorThatFellBehindFailsEveryRowOfItsPhaseAndTheExitCode() throws IOException {
        RunFixture run = RunFixture.standard(tmp.resolve("ci-bound"), "ci", T0)
                .injector("peak", 150, 340, true, "sent 150.0 of 200 rps offered; send lag p99 340 ms")
                .writeHealthy(20);

        RenderedReport report = SlaReport.render(run.dir, Criteria.defaults(), null);
        Evaluation e = report.evaluation();
        assertEquals(Status.FAIL, result(e, "rps-peak").status());
        assertEquals(Status.FAIL, result(e, "p95-predict").status(), "latencies of an injector-bound phase do not pass");
        assertTrue(result(e, "rps-peak").note().startsWith("injector-bound: peak"), result(e, "rps-peak").note());
        assertEquals(Status.PASS, result(e, "rps-sustained").status(), "other phases are judged as usual");
        assertEquals(1, e.exitCode());
        assertTrue(report.consoleTable().contains("INJECTOR-BOUND peak: sent 150.0 of 200 rps offered"),
                report.consoleTable());
        String html = Files.readString(report.reportDir().resolve("sla-report.html"));
        assertTrue(html.contains("INJECTOR-BOUND peak"), "the banner says so");
        assertFalse(SlaReport.evaluate(run.dir, peakAlone()).passed(), "even when Peak RPS stands alone");
    }

    @Test
    void memoryAtNinetyPercentOfTheRssBudgetFails() {
        RunFixture run = RunFixture.standard(tmp.resolve("ci-rss"), "ci", T0).writeHealthy(20);
        run.writeSamples(0.30, 0.90, 20);

        Evaluation e = SlaReport.evaluate(run.dir, Criteria.defaults());
        assertEquals(90.0, result(e, "memory").measured(), 1e-9);
        assertEquals(Status.FAIL, result(e, "memory").status());
        assertEquals(1, e.exitCode());
    }

    @Test
    void aLiveHeapAtNinetyPercentOfTheHeapFailsWhileRssIsFine() {
        RunFixture run = RunFixture.standard(tmp.resolve("ci-heap"), "ci", T0).writeHealthy(20);
        List<Map<String, Object>> samples = new ArrayList<>();
        for (String phase : run.phaseNames()) {
            Map<String, Object> s = RunFixture.sample(phase, run.phaseStart(phase).plusSeconds(1), 0.3, 0.4, 20);
            s.put("heapLiveBytes", 900_000_000L); // of heapMaxBytes 1e9
            samples.add(s);
        }
        run.writeSampleLines(samples);

        Evaluation e = SlaReport.evaluate(run.dir, Criteria.defaults());
        assertEquals(90.0, result(e, "memory").measured(), 1e-9);
        assertEquals(Status.FAIL, result(e, "memory").status());
    }

    @Test
    void requestsWaitingForThePoolFailTheDbPoolRowWhileTheConnectionCountLooksFine() {
        RunFixture run = RunFixture.standard(tmp.resolve("ci-pool"), "ci", T0).writeHealthy(20);
        List<Map<String, Object>> samples = new ArrayList<>();
        for (String phase : run.phaseNames()) {
            for (int i = 0; i < 5; i++) {
                Map<String, Object> s = RunFixture.sample(phase, run.phaseStart(phase).plusSeconds(i), 0.3, 0.4, 20);
                if (phase.equals("peak")) s.put("dbPoolAcquireMs", 400.0); // 20 of 20 busy, requests queue for them
                samples.add(s);
            }
        }
        run.writeSampleLines(samples);

        Evaluation e = SlaReport.evaluate(run.dir, Criteria.defaults());
        assertEquals(Status.PASS, result(e, "db-connections").status(), "20 connections is far below 150");
        assertEquals(Status.FAIL, result(e, "db-pool-wait").status());
        assertEquals("peak", result(e, "db-pool-wait").phase());
        assertEquals(1, e.exitCode());
    }

    @Test
    void chaosNotRunFailsTheGate() throws IOException {
        RunFixture run = RunFixture.standard(tmp.resolve("ci-nochaos"), "ci", T0).writeHealthy(20);
        Files.delete(run.dir.resolve("chaos/database-down.journal.json"));

        Evaluation e = SlaReport.evaluate(run.dir, Criteria.defaults());
        CriterionResult r = result(e, "resilience");
        assertEquals(Status.NOT_MEASURED, r.status());
        assertTrue(r.failsGate());
        assertEquals("FAILED", e.verdict());
        assertEquals(1, e.exitCode());
    }

    @Test
    void chaosLeftOutOnPurposePassesOnlyAsPassedWithoutResilience() throws Exception {
        RunFixture run = RunFixture.standard(tmp.resolve("ci-leftout"), "ci", T0)
                .extra("chaosLeftOut", "--chaos=off").writeHealthy(20);
        Files.delete(run.dir.resolve("chaos/database-down.journal.json"));

        RenderedReport report = SlaReport.render(run.dir, Criteria.defaults(), null);
        Evaluation e = report.evaluation();
        assertEquals(Status.LEFT_OUT, result(e, "resilience").status());
        assertEquals(0, e.exitCode());
        assertEquals("PASSED without resilience", e.verdict());
        assertTrue(report.consoleTable().contains("SLA gate: PASSED without resilience"), report.consoleTable());
        assertFalse(report.consoleTable().contains("SLA gate: PASSED ("), "never a plain PASSED");
        JsonNode json = new ObjectMapper().readTree(report.reportDir().resolve("sla-report.json").toFile());
        assertEquals("PASSED without resilience", json.get("verdict").asText());
        assertEquals("resilience", json.get("leftOut").get(0).asText());
        String junit = Files.readString(report.reportDir().resolve("junit.xml"));
        assertTrue(junit.contains("name=\"verdict\" value=\"PASSED without resilience\""), junit);
        assertTrue(junit.contains("<skipped message=\"left out on purpose"), junit);
        assertTrue(Files.readString(report.reportDir().resolve("sla-report.md"))
                .startsWith("## SLA report: PASSED without resilience"));
    }

    @Test
    void aBreakPointBelowTheTargetOrNoHeldStepFails() {
        RunFixture low = RunFixture.standard(tmp.resolve("ci-low"), "ci", T0).stress(250).writeHealthy(20);
        Evaluation e = SlaReport.evaluate(low.dir, Criteria.defaults());
        assertEquals(Status.FAIL, result(e, "break-point").status());
        assertEquals(250.0, result(e, "break-point").measured());
        assertTrue(result(e, "break-point").note().contains("ran out: service CPU"), result(e, "break-point").note());

        RunFixture none = RunFixture.standard(tmp.resolve("ci-none"), "ci", T0)
                .extra("stress", new java.util.HashMap<>(Map.of("steps",
                        List.of(Map.of("phase", "stress-300", "intendedRps", 300, "held", false)))))
                .writeHealthy(20);
        Evaluation n = SlaReport.evaluate(none.dir, Criteria.defaults());
        assertEquals(Status.FAIL, result(n, "break-point").status());
        assertEquals(1, n.exitCode());

        RunFixture noStress = RunFixture.standard(tmp.resolve("ci-nostress"), "ci", T0)
                .extra("stress", Map.of("steps", List.of())).writeHealthy(20);
        assertTrue(result(SlaReport.evaluate(noStress.dir, Criteria.defaults()), "break-point").failsGate());
    }
}
