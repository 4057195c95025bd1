package io.recallbricks.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recallbricks.reports.criteria.Criteria;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
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

class ReportOutputTest {

    static final Instant T0 = Instant.parse("2026-11-28T13:00:00Z");

    @TempDir
    Path tmp;

    private RunFixture slowSearchRun() {
        RunFixture run = RunFixture.standard(tmp.resolve("ci-20261128-130000"), "ci", T0).writeHealthy(20);
        Random random = new Random(5);
        Map<String, LongSupplier> latency = new LinkedHashMap<>();
        for (String endpoint : RunFixture.MIX) {
            latency.put(endpoint, endpoint.equals("search") ? () -> 400_000 + random.nextInt(10_000) : () -> 15_000);
        }
        run.writeLatency("baseline", "latency.hlog", latency, 20);
        run.writeText("gatling/loadsimulation-20261128130000000/index.html", "<html>gatling</html>");
        return run;
    }

    @Test
    void junitXmlHasOneTestCasePerCriterionAndFailuresForFailedOnes() throws Exception {
        RunFixture run = slowSearchRun();
        RenderedReport report = SlaReport.render(run.dir, Criteria.defaults(), null);

        Document xml = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(report.reportDir().resolve("junit.xml").toFile());
        Element suite = xml.getDocumentElement();
        assertEquals("testsuite", suite.getTagName());
        NodeList cases = suite.getElementsByTagName("testcase");
        assertEquals(Criteria.defaults().criteria().size(), cases.getLength());
        assertEquals("1", suite.getAttribute("failures"));
        assertEquals("0", suite.getAttribute("skipped"), "resilience is required, and measured here");
        Element search = testcase(cases, "p95-search");
        Element failure = (Element) search.getElementsByTagName("failure").item(0);
        assertTrue(failure.getAttribute("message").contains("in phase baseline, target < 300 ms"), failure.getAttribute("message"));
        assertEquals(0, testcase(cases, "p95-predict").getElementsByTagName("failure").getLength());
        assertEquals(0, testcase(cases, "resilience").getElementsByTagName("skipped").getLength());
        assertEquals(0, testcase(cases, "resilience").getElementsByTagName("failure").getLength());
    }

    @Test
    void markdownIsTheGuidesTableWithMeasuredAndPassColumns() throws Exception {
        RunFixture run = slowSearchRun();
        RenderedReport report = SlaReport.render(run.dir, Criteria.defaults(), null);
        String md = Files.readString(report.reportDir().resolve("sla-report.md"));

        assertTrue(md.startsWith("## SLA report: FAILED"), md);
        assertTrue(md.contains("| Metric | Target | Measured | Pass |"), md);
        assertTrue(md.contains("| **Availability** | >= 99.9% | 100.00% (baseline) | :white_check_mark: PASS |"), md);
        assertTrue(md.matches("(?s).*\\| \\*\\*P95 Latency \\(Search\\)\\*\\* \\| < 300 ms \\| 4[01][0-9]\\.[0-9] ms \\(baseline\\) \\| :x: FAIL \\|.*"), md);
        assertTrue(md.contains("| **RPS Sustained** | >= 150 rps | 150.0 rps (sustained) | :white_check_mark: PASS |"), md);
        assertTrue(md.contains("| **Peak RPS** | >= 200 rps | 200.0 rps (peak) | :white_check_mark: PASS |"), md);
        assertTrue(md.contains("| **Chaos Experiments Passed** | >= 100% | 100.00% | :white_check_mark: PASS |"), md);
        assertTrue(md.contains("| **Break Point** | >= 300 rps | 400.0 rps | :white_check_mark: PASS |"), md);
        assertTrue(md.contains("No earlier run of profile 'ci'"), md);
    }

    @Test
    void htmlIsSelfContainedWithChartsAndTheGatlingLink() throws Exception {
        RunFixture run = slowSearchRun();
        RenderedReport report = SlaReport.render(run.dir, Criteria.defaults(), null);
        String html = Files.readString(report.reportDir().resolve("sla-report.html"));

        assertTrue(html.contains("FAILED: 1 criterion(s) not met"));
        assertTrue(html.contains("href=\"../gatling/loadsimulation-20261128130000000/index.html\""));
        assertTrue(html.contains("aria-label=\"Latency search\""), "a latency chart per endpoint");
        assertTrue(html.contains("aria-label=\"Throughput per endpoint\""));
        assertTrue(html.contains("aria-label=\"CPU\""), "server samples chart");
        assertTrue(html.contains("<polyline"));
        assertFalse(html.contains("<script"), "no script");
        assertFalse(html.contains("http://") && html.replace("http://www.w3.org/2000/svg", "")
                .replace("http://127.0.0.1:18080", "").contains("http://"), "nothing fetched from the network");
        assertTrue(html.contains("<h2>Resilience</h2>"));
        assertTrue(html.contains("<td class=\"n\">5.00%</td>"), "injector CPU share: 4 s over 40 s on 2 cores");
    }

    @Test
    void stressStepsAndTheBreakPointAreShownButNotJudged() throws Exception {
        RunFixture run = RunFixture.standard(tmp.resolve("ci-1"), "ci", T0)
                .phase("stress-300", "stress", 300, false, 5)
                .extra("stress", Map.of("steps", java.util.List.of(
                        Map.of("phase", "stress-300", "intendedRps", 300, "held", true)), "breakPointRps", 300))
                .writeHealthy(20);
        // The stress step is slow: it is shown, and it fails nothing, because it is not judged.
        run.writeLatency("stress-300", "latency.hlog", Map.of("search", () -> 2_000_000), 60);

        RenderedReport report = SlaReport.render(run.dir, Criteria.defaults(), null);
        String html = Files.readString(report.reportDir().resolve("sla-report.html"));

        assertTrue(report.evaluation().passed(), () -> report.evaluation().failures().toString());
        assertTrue(html.contains("Break point (highest offered rate that held): <b>300.0 rps</b>"));
        assertTrue(html.contains("aria-label=\"Stress ladder\""), "the ladder as a picture");
        assertTrue(html.indexOf("Stress ladder") < html.indexOf("<h2>Success criteria</h2>"), "pictures lead");
        assertTrue(html.contains("<td>stress-300</td>"));
    }

    @Test
    void jsonCarriesTheVerdictAndEveryNumber() throws Exception {
        RunFixture run = slowSearchRun();
        RenderedReport report = SlaReport.render(run.dir, Criteria.defaults(), null);
        JsonNode json = new ObjectMapper().readTree(report.reportDir().resolve("sla-report.json").toFile());

        assertFalse(json.get("passed").asBoolean());
        assertEquals(1, json.get("exitCode").asInt());
        assertEquals("2", json.get("criteriaVersion").asText());
        assertEquals("FAILED", json.get("verdict").asText());
        JsonNode search = null;
        for (JsonNode c : json.get("criteria")) {
            if (c.get("id").asText().equals("p95-search")) {
                search = c;
            }
        }
        assertEquals("FAIL", search.get("status").asText());
        assertEquals("baseline", search.get("phase").asText());
        assertEquals(3, search.get("perPhase").size());
        assertTrue(json.get("endpoints").size() > 0);
    }

    @Test
    void theConsoleTableListsEveryCriterionAndTheVerdict() {
        RunFixture run = slowSearchRun();
        String table = SlaReport.render(run.dir, Criteria.defaults(), null).consoleTable();
        assertTrue(table.contains("| Metric"));
        assertTrue(table.matches("(?s).*\\| P95 Latency \\(Search\\) +\\| < 300 ms +\\| 4\\d\\d\\.\\d ms +\\| baseline +\\| FAIL +\\|.*"), table);
        assertTrue(table.contains("SLA gate: FAILED (criteria version 2, exit 1)"), table);
    }

    private static Element testcase(NodeList cases, String id) {
        for (int i = 0; i < cases.getLength(); i++) {
            Element e = (Element) cases.item(i);
            if (e.getAttribute("name").startsWith(id + ":")) {
                return e;
            }
        }
        throw new AssertionError("no testcase " + id);
    }
}
