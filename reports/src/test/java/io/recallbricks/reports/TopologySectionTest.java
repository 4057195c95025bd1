package io.recallbricks.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recallbricks.reports.criteria.Criteria;
import io.recallbricks.reports.run.RunReadException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The "Topology" section that deploy/drill's topology.json adds to a run's report, in every format. */
class TopologySectionTest {

    static final Instant T0 = Instant.parse("2026-12-03T09:00:00Z");

    @TempDir
    Path tmp;

    @Test
    void aDrillRunGetsATopologySectionInEveryFormat() throws Exception {
        RunFixture run = RunFixture.standard(tmp.resolve("ci-1"), "ci", T0).writeHealthy(20);
        run.writeText("topology.json", """
                {"version": 1, "variant": "bounded", "startedAt": "2026-12-03T09:00:00Z",
                 "finishedAt": "2026-12-03T09:05:00Z", "passed": false,
                 "checks": [
                   {"name": "instance-loss", "passed": true, "figure": "0.05 % errors over the peak phase"},
                   {"name": "replica", "passed": false, "figure": "lag <1 s | read from the replica"},
                   {"name": "sla-through-nginx", "passed": false, "figure": "p95 420 ms", "gating": false}],
                 "details": {"replica": {"samples": 3}}, "someFutureField": 1}
                """);

        RenderedReport report = SlaReport.render(run.dir, Criteria.defaults(), null);

        String md = Files.readString(report.reportDir().resolve(SlaReport.MARKDOWN));
        assertTrue(md.contains("### Topology: 1 of 3 drills passed"), md);
        assertTrue(md.contains("| sla-through-nginx | ❌ FAIL (informational) | p95 420 ms |"), md);
        assertTrue(md.contains("| instance-loss | ✅ PASS | 0.05 % errors over the peak phase |"), md);
        assertTrue(md.contains("| replica | ❌ FAIL | lag <1 s \\| read from the replica |"), md);
        String html = Files.readString(report.reportDir().resolve(SlaReport.HTML));
        assertTrue(html.contains("<h2>Topology: 1 of 3 drills passed</h2>"));
        assertTrue(html.contains("lag &lt;1 s | read from the replica"));
        JsonNode json = new ObjectMapper().readTree(report.reportDir().resolve(SlaReport.JSON).toFile());
        assertEquals("bounded", json.path("topology").path("variant").asText());
        assertFalse(json.path("topology").path("passed").asBoolean());
        assertEquals("instance-loss", json.path("topology").path("checks").get(0).path("name").asText());
        // Informational: the SLA gate of a healthy run is not changed by a failed drill.
        assertEquals(0, report.exitCode());
    }

    @Test
    void aRunWithoutTopologyJsonHasNoSection() throws Exception {
        RunFixture run = RunFixture.standard(tmp.resolve("ci-2"), "ci", T0).writeHealthy(20);
        RenderedReport report = SlaReport.render(run.dir, Criteria.defaults(), null);
        assertFalse(Files.readString(report.reportDir().resolve(SlaReport.MARKDOWN)).contains("Topology"));
        assertFalse(new ObjectMapper().readTree(report.reportDir().resolve(SlaReport.JSON).toFile()).has("topology"));
    }

    @Test
    void aMalformedTopologyJsonIsAnInputError() {
        RunFixture run = RunFixture.standard(tmp.resolve("ci-3"), "ci", T0).writeHealthy(20);
        run.writeText("topology.json", "{\"checks\": [{\"passed\": true}]}");
        RunReadException e = assertThrows(RunReadException.class, () -> SlaReport.render(run.dir, Criteria.defaults(), null));
        assertTrue(e.getMessage().contains("topology.json"), e.getMessage());
    }
}
