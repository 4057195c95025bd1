package io.recallbricks.reports;

import io.recallbricks.reports.compare.Comparison;
import io.recallbricks.reports.criteria.Criteria;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.LongSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ComparisonTest {

    @TempDir
    Path runs;

    private RunFixture run(String name, String profile, Instant start, int predictMicros) {
        RunFixture run = RunFixture.standard(runs.resolve(name), profile, start).writeHealthy(20);
        Random random = new Random(9);
        for (String phase : new String[]{"baseline", "sustained", "peak"}) {
            Map<String, LongSupplier> latency = new LinkedHashMap<>();
            for (String endpoint : RunFixture.MIX) {
                latency.put(endpoint, endpoint.equals("predict")
                        ? () -> predictMicros + random.nextInt(predictMicros / 10)
                        : () -> 20_000 + random.nextInt(2_000));
            }
            run.writeLatency(phase, "latency.hlog", latency, (int) run.intended(phase) / RunFixture.MIX.size());
        }
        return run;
    }

    @Test
    void comparesWithTheNewestOlderRunOfTheSameProfileAndFlagsARegression() throws Exception {
        run("ci-20261127-090000", "ci", Instant.parse("2026-11-27T09:00:00Z"), 300_000);
        run("ci-20261128-090000", "ci", Instant.parse("2026-11-28T09:00:00Z"), 50_000);
        run("full-20261128-100000", "full", Instant.parse("2026-11-28T10:00:00Z"), 10_000);
        RunFixture current = run("ci-20261128-130000", "ci", Instant.parse("2026-11-28T13:00:00Z"), 100_000);
        run("ci-20261128-150000", "ci", Instant.parse("2026-11-28T15:00:00Z"), 10_000);

        RenderedReport report = SlaReport.render(current.dir, Criteria.defaults(), null);

        Comparison c = report.content().comparison().orElseThrow();
        assertEquals("ci-20261128-090000", c.previousRunId(), "newest older run of the same profile");
        Comparison.CriterionDelta p95 = c.criteria().stream().filter(d -> d.id().equals("p95-predict")).findFirst().orElseThrow();
        assertTrue(p95.delta() > 45 && p95.delta() < 60, "p95 went from ~55 to ~110 ms: " + p95.delta());
        assertTrue(p95.regression());
        Comparison.CriterionDelta search = c.criteria().stream().filter(d -> d.id().equals("p95-search")).findFirst().orElseThrow();
        assertFalse(search.regression(), "unchanged endpoint is not flagged");
        assertTrue(c.endpoints().stream().anyMatch(d -> d.endpoint().equals("predict") && d.phase().equals("peak") && d.regression()));
        assertTrue(c.endpoints().stream().noneMatch(d -> d.endpoint().equals("search") && d.regression()));
        assertTrue(report.evaluation().passed(), "a regression within the criteria is flagged, not gated");

        String md = Files.readString(report.reportDir().resolve("sla-report.md"));
        assertTrue(md.contains("### Compared with `ci-20261128-090000`"), md);
        assertTrue(md.matches("(?s).*\\| P95 Latency \\(Predict\\) \\| 5\\d\\.\\d ms \\| 1\\d\\d\\.\\d ms \\| \\+\\d+\\.\\d ms \\| :warning: regression \\|.*"), md);
        assertTrue(Files.readString(report.reportDir().resolve("sla-report.html")).contains("class=\"warn\">regression"));
    }

    @Test
    void anImprovementIsNotARegressionAndAnExplicitPreviousRunIsUsed() {
        RunFixture slow = run("ci-a", "ci", Instant.parse("2026-11-28T09:00:00Z"), 100_000);
        RunFixture fast = run("ci-b", "ci", Instant.parse("2026-11-28T13:00:00Z"), 50_000);

        Comparison c = SlaReport.render(fast.dir, Criteria.defaults(), slow.dir).content().comparison().orElseThrow();

        assertEquals("ci-a", c.previousRunId());
        assertFalse(c.hasRegressions());
    }

    @Test
    void aCriterionThatPassedAndNowFailsIsARegressionWhateverTheAmount() throws Exception {
        run("ci-a", "ci", Instant.parse("2026-11-28T09:00:00Z"), 425_000);
        RunFixture now = run("ci-b", "ci", Instant.parse("2026-11-28T13:00:00Z"), 462_000);

        RenderedReport report = SlaReport.render(now.dir, Criteria.defaults(), null);

        Comparison.CriterionDelta p95 = report.content().comparison().orElseThrow().criteria().stream()
                .filter(d -> d.id().equals("p95-predict")).findFirst().orElseThrow();
        assertEquals("PASS", p95.previousVerdict());
        assertEquals("FAIL", p95.currentVerdict());
        assertTrue(p95.delta() < 0.10 * p95.previous(), "the move itself is within the tolerance: " + p95.delta());
        assertTrue(p95.regression(), "within 10% but the criterion flipped to FAIL");
    }
}
