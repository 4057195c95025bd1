package io.recallbricks.reports;

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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.LongSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EvaluationTest {

    static final Instant T0 = Instant.parse("2026-11-28T13:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void aHealthyRunMeetsEveryCriterion() {
        RunFixture run = RunFixture.standard(tmp.resolve("ci-20261128-130000"), "ci", T0).writeHealthy(20);
        Evaluation e = SlaReport.evaluate(run.dir, Criteria.defaults());

        assertTrue(e.passed(), () -> e.failures().toString());
        assertEquals(0, e.exitCode());
        assertEquals(100.0, result(e, "availability").measured());
        assertEquals(0.0, result(e, "error-rate").measured());
        assertEquals(150.0, result(e, "rps-sustained").measured(), 1e-9);
        assertEquals("sustained", result(e, "rps-sustained").phase());
        assertEquals(200.0, result(e, "rps-peak").measured(), 1e-9);
        assertEquals(30.0, result(e, "cpu").measured(), 1e-9);
        assertEquals(40.0, result(e, "memory").measured(), 1e-9, "RSS 40 % of its budget, live heap 25 % of max");
        assertEquals(20.0, result(e, "db-connections").measured());
        assertEquals(400.0, result(e, "break-point").measured());
        double p95 = result(e, "p95-predict").measured();
        assertTrue(p95 > 20 && p95 <= 30.1, "p95 of values uniform in 10..30 ms: " + p95);
        // Judged phases only: the warm-up is not among the phases judged.
        assertEquals(List.of("baseline", "sustained", "peak"),
                result(e, "p95-predict").perPhase().stream().map(v -> v.phase()).toList());
        assertEquals(Status.PASS, result(e, "resilience").status());
        assertEquals("PASSED", e.verdict());
    }

    @Test
    void theRateIsCountedOverTheArrivalWindowNotTheTailOfTheLastResponses() {
        // CI, 30 s at 200/s: 6,000 requests all answered, the last 0.6 s after the window (196.1/s over 30.6 s).
        RunFixture run = RunFixture.standard(tmp.resolve("ci-tail"), "ci", T0).answeredLate("peak", 0.6).writeHealthy(20);
        Evaluation e = SlaReport.evaluate(run.dir, Criteria.defaults());

        assertEquals(200.0, result(e, "rps-peak").measured(), 1e-9);
        assertEquals(Status.PASS, result(e, "rps-peak").status());
        assertTrue(result(e, "rps-peak").note().contains("10.0 s window"), result(e, "rps-peak").note());
    }

    @Test
    void aSlowEndpointFailsItsP95AndTheRateOfThatPhaseIsNotSustained() {
        RunFixture run = RunFixture.standard(tmp.resolve("ci-1"), "ci", T0).writeHealthy(20);
        Random random = new Random(1);
        Map<String, LongSupplier> latency = new LinkedHashMap<>();
        for (String endpoint : RunFixture.MIX) {
            latency.put(endpoint, endpoint.equals("predict")
                    ? () -> 550_000 + random.nextInt(100_000)
                    : () -> 10_000 + random.nextInt(20_000));
        }
        run.writeLatency("sustained", "latency.hlog", latency, 30);

        Evaluation e = SlaReport.evaluate(run.dir, Criteria.defaults());

        CriterionResult p95 = result(e, "p95-predict");
        assertEquals(Status.FAIL, p95.status());
        assertEquals("sustained", p95.phase(), "the worst phase is reported");
        assertTrue(p95.measured() > 600 && p95.measured() < 651, "measured " + p95.measured());
        CriterionResult sustained = result(e, "rps-sustained");
        assertEquals(150.0, sustained.measured(), 1e-9, "the rate itself was reached");
        assertEquals(Status.FAIL, sustained.status());
        assertTrue(sustained.note().contains("p95-predict in sustained"), sustained.note());
        assertEquals(Status.PASS, result(e, "rps-peak").status());
        assertEquals(Status.PASS, result(e, "p95-search").status());
        assertEquals(1, e.exitCode());
    }

    @Test
    void errorsAndUnavailableResponsesAreCountedAsDefined() {
        RunFixture run = RunFixture.standard(tmp.resolve("ci-1"), "ci", T0).writeHealthy(20);
        Map<String, Object> outcomes = new TreeMap<>();
        for (String endpoint : RunFixture.MIX) {
            outcomes.put(endpoint, Map.of("ok", 400, "ko", 0, "byStatus", Map.of("200", 400),
                    "sentInWindow", 400, "completedInWindow", 400, "goodInWindow", 400));
        }
        // 100 KO of predict: 60 x 503 and 20 timeouts are unavailability, 20 x 429 are answers (but KO).
        outcomes.put("predict", Map.of("ok", 300, "ko", 100,
                "byStatus", Map.of("200", 300, "503", 60, "timeout", 20, "429", 20),
                "sentInWindow", 400, "completedInWindow", 400, "goodInWindow", 300));
        run.writeOutcomes("peak", "outcomes.json", outcomes);

        Evaluation e = SlaReport.evaluate(run.dir, Criteria.defaults());

        assertEquals(5.0, result(e, "error-rate").measured(), 1e-9);
        assertEquals("peak", result(e, "error-rate").phase());
        assertEquals(Status.FAIL, result(e, "error-rate").status());
        assertEquals(96.0, result(e, "availability").measured(), 1e-9);
        assertEquals(Status.FAIL, result(e, "availability").status());
        assertEquals(Status.FAIL, result(e, "rps-peak").status(), "peak rate reached outside the error-rate SLA");
        assertEquals(Status.PASS, result(e, "rps-sustained").status());
    }

    @Test
    void aPerEndpointRowPassesBelowAndFailsAboveItsThreshold() throws IOException {
        Path criteria = Files.writeString(tmp.resolve("criteria.yaml"), """
                version: "7"
                criteria:
                  - id: p99-create
                    title: P99 Latency (Create memory)
                    metric: latency
                    endpoint: create_memory
                    percentile: 99
                    target: "< 800"
                """);
        RunFixture fast = RunFixture.standard(tmp.resolve("fast"), "ci", T0).writeHealthy(20);
        fast.writeLatency("peak", "latency-writes.hlog", Map.of("create_memory", () -> 700_000), 5);
        RunFixture slow = RunFixture.standard(tmp.resolve("slow"), "ci", T0).writeHealthy(20);
        slow.writeLatency("peak", "latency-writes.hlog", Map.of("create_memory", () -> 900_000), 5);
        // create_memory only ran at peak: judge that phase alone by naming it.
        String peakOnly = Files.readString(criteria).replace("target: \"< 800\"", "target: \"< 800\"\n    phases: peak");
        Criteria c = Criteria.load(Files.writeString(criteria, peakOnly));

        CriterionResult pass = SlaReport.evaluate(fast.dir, c).results().get(0);
        CriterionResult fail = SlaReport.evaluate(slow.dir, c).results().get(0);

        assertEquals(Status.PASS, pass.status());
        assertEquals(700.0, pass.measured(), 1.0);
        assertEquals(Status.FAIL, fail.status());
        assertEquals(900.0, fail.measured(), 1.0);
    }

    @Test
    void missingDataIsNotMeasuredAndFailsTheGateUnlessOptional() throws IOException {
        RunFixture run = RunFixture.standard(tmp.resolve("ci-1"), "ci", T0).writeHealthy(20);
        Files.delete(run.dir.resolve("server-samples.jsonl"));

        Evaluation e = SlaReport.evaluate(run.dir, Criteria.defaults());
        for (String id : List.of("cpu", "memory", "db-connections")) {
            CriterionResult r = result(e, id);
            assertEquals(Status.NOT_MEASURED, r.status(), id);
            assertNull(r.measured());
            assertTrue(r.note().contains("no server samples"), r.note());
            assertTrue(r.failsGate());
        }
        assertFalse(e.passed());
        assertEquals(1, e.exitCode());

        Criteria optional = Criteria.load(Files.writeString(tmp.resolve("c.yaml"), """
                version: "1"
                criteria:
                  - id: cpu
                    metric: server_sample
                    sample: processCpu
                    target: "< 80"
                    optional: true
                  - id: p95-writes
                    metric: latency
                    endpoint: create_memory
                    percentile: 95
                    target: "< 100"
                """));
        Evaluation e2 = SlaReport.evaluate(run.dir, optional);
        assertFalse(e2.results().get(0).failsGate());
        assertEquals(Status.NOT_MEASURED, e2.results().get(1).status());
        assertTrue(e2.results().get(1).note().contains("no create_memory responses"), e2.results().get(1).note());
        assertFalse(e2.passed(), "a required latency row without its endpoint's data fails the gate");
    }

    @Test
    void sampleStatisticsAndTheMemoryFallback() {
        RunFixture run = RunFixture.standard(tmp.resolve("ci-1"), "ci", T0).writeHealthy(20);
        List<Map<String, Object>> samples = new ArrayList<>();
        for (String phase : run.phaseNames()) {
            for (int i = 1; i <= 20; i++) {
                double cpu = phase.equals("sustained") ? i / 100.0 : 0.10;
                Map<String, Object> s = RunFixture.sample(phase, run.phaseStart(phase).plusMillis(i * 400L), cpu, 0.4, 12);
                s.remove("memoryLimitBytes"); // no known RSS budget: memory is judged by the live heap against its max
                s.remove("rssBudgetBytes");
                samples.add(s);
            }
        }
        run.writeSampleLines(samples);

        Evaluation e = SlaReport.evaluate(run.dir, Criteria.defaults());

        CriterionResult cpu = result(e, "cpu");
        assertEquals(19.0, cpu.measured(), 1e-9, "p95 by nearest rank of 1..20 % is the 19th");
        assertEquals("sustained", cpu.phase());
        CriterionResult memory = result(e, "memory");
        assertEquals(25.0, memory.measured(), 1e-9, "live heap 250 MB of 1 GB; heap used (10 %) is not judged");
        assertTrue(memory.note().contains("memoryBudget"), memory.note());
    }

    static CriterionResult result(Evaluation e, String id) {
        return e.results().stream().filter(r -> r.criterion().id().equals(id)).findFirst().orElseThrow();
    }
}
