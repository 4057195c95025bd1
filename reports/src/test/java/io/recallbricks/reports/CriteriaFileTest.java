package io.recallbricks.reports;

import io.recallbricks.reports.criteria.Criteria;
import io.recallbricks.reports.criteria.CriteriaException;
import io.recallbricks.reports.criteria.Criterion;
import io.recallbricks.reports.criteria.Metric;
import io.recallbricks.reports.criteria.SampleQuantity;
import io.recallbricks.reports.criteria.SampleStatistic;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CriteriaFileTest {

    @TempDir
    Path tmp;

    @Test
    void defaultsAreTheDeploymentGuidesTable() {
        Criteria c = Criteria.defaults();
        assertEquals("2", c.version());
        assertEquals(List.of("availability", "error-rate", "p95-predict", "p95-suggest", "p95-search", "p99-all",
                "rps-sustained", "rps-peak", "cpu", "memory", "db-connections", "db-pool-wait", "break-point", "resilience"),
                c.criteria().stream().map(Criterion::id).toList());
        assertEquals(">= 99.9%", c.byId("availability").describeTarget());
        assertEquals("< 1%", c.byId("error-rate").describeTarget());
        assertEquals("< 500 ms", c.byId("p95-predict").describeTarget());
        assertEquals("< 400 ms", c.byId("p95-suggest").describeTarget());
        assertEquals("< 300 ms", c.byId("p95-search").describeTarget());
        assertEquals("< 1000 ms", c.byId("p99-all").describeTarget());
        assertEquals(">= 150 rps", c.byId("rps-sustained").describeTarget());
        assertEquals(List.of("sustained"), c.byId("rps-sustained").phases());
        assertEquals(">= 200 rps", c.byId("rps-peak").describeTarget());
        assertEquals(List.of(SampleQuantity.MEMORY_BUDGET), c.byId("memory").samples());
        assertEquals(SampleStatistic.P95, c.byId("cpu").statistic());
        assertEquals("< 150", c.byId("db-connections").describeTarget());
        assertFalse(c.byId("resilience").optional(), "resilience is required");
        assertEquals(">= 300 rps", c.byId("break-point").describeTarget());
    }

    @Test
    void theSoakCriteriaJudgeEnduranceWithoutPeakStressOrChaos() {
        Criteria soak = Criteria.load(Path.of("criteria/soak.yaml"));
        List<String> ids = soak.criteria().stream().map(Criterion::id).toList();
        assertTrue(ids.contains("rps-soak") && ids.contains("memory"), ids.toString());
        assertFalse(ids.contains("rps-peak") || ids.contains("break-point") || ids.contains("resilience"), ids.toString());
        assertEquals(List.of("soak"), soak.byId("rps-soak").phases());
    }

    @Test
    void aTeamAddsAPerEndpointRowWithoutCode() throws IOException {
        Criteria c = Criteria.load(file("""
                version: "2026-11-28.1"
                criteria:
                  - id: p99-create
                    title: P99 Latency (Create memory)
                    metric: latency
                    endpoint: create_memory
                    percentile: 99
                    target: "< 800"
                    phases: [baseline, peak]
                """));
        Criterion row = c.byId("p99-create");
        assertEquals(Metric.LATENCY, row.metric());
        assertEquals("create_memory", row.endpoint());
        assertEquals(99.0, row.percentile());
        assertEquals(List.of("baseline", "peak"), row.phases());
        assertTrue(row.isMetBy(799.9));
        assertTrue(!row.isMetBy(800));
    }

    @Test
    void anUnknownMetricNamesItsLine() throws IOException {
        CriteriaException e = assertThrows(CriteriaException.class, () -> Criteria.load(file("""
                version: "1"
                criteria:
                  - id: availability
                    metric: availability
                    target: ">= 99.9"
                  - id: p95-predict
                    metric: latencyy
                    endpoint: predict
                    percentile: 95
                    target: "< 500"
                """)));
        assertTrue(e.getMessage().contains("unknown metric 'latencyy'"), e.getMessage());
        assertTrue(e.getMessage().contains("line 7 (criteria[1].metric)"), e.getMessage());
    }

    @Test
    void aTargetWithoutOperatorIsRejectedWithItsLine() throws IOException {
        CriteriaException e = assertThrows(CriteriaException.class, () -> Criteria.load(file("""
                version: "1"
                criteria:
                  - id: error-rate
                    metric: error_rate
                    target: "1%"
                """)));
        assertTrue(e.getMessage().contains("target must be \"<op> <number>\""), e.getMessage());
        assertTrue(e.getMessage().contains("line 5 (criteria[0].target)"), e.getMessage());
    }

    @Test
    void aMisspelledKeyNamesItsLine() throws IOException {
        CriteriaException e = assertThrows(CriteriaException.class, () -> Criteria.load(file("""
                version: "1"
                criteria:
                  - id: error-rate
                    metric: error_rate
                    target: "< 1"
                    optinal: true
                """)));
        assertTrue(e.getMessage().contains("unknown key 'optinal'"), e.getMessage());
        assertTrue(e.getMessage().contains("line 6"), e.getMessage());
    }

    @Test
    void aWrongTypeNamesItsLine() throws IOException {
        CriteriaException e = assertThrows(CriteriaException.class, () -> Criteria.load(file("""
                version: "1"
                criteria:
                  - id: p95
                    metric: latency
                    endpoint: predict
                    percentile: ninety-five
                    target: "< 1"
                """)));
        assertTrue(e.getMessage().contains("line 6"), e.getMessage());
        assertTrue(e.getMessage().contains("percentile"), e.getMessage());
    }

    @Test
    void brokenYamlNamesItsLine() throws IOException {
        CriteriaException e = assertThrows(CriteriaException.class, () -> Criteria.load(file("""
                version: "1"
                criteria:
                  - id: a
                    metric: error_rate
                     target: "< 1"
                """)));
        assertTrue(e.getMessage().contains("line 5:"), e.getMessage());
    }

    @Test
    void missingFieldsAndDuplicatesAreRejected() throws IOException {
        CriteriaException noEndpoint = assertThrows(CriteriaException.class, () -> Criteria.load(file("""
                version: "1"
                criteria:
                  - id: p95
                    metric: latency
                    percentile: 95
                    target: "< 1"
                """)));
        assertTrue(noEndpoint.getMessage().contains("needs 'endpoint'"), noEndpoint.getMessage());

        CriteriaException duplicate = assertThrows(CriteriaException.class, () -> Criteria.load(file("""
                version: "1"
                criteria:
                  - id: a
                    metric: error_rate
                    target: "< 1"
                  - id: a
                    metric: availability
                    target: ">= 99"
                """)));
        assertTrue(duplicate.getMessage().contains("criterion id 'a' appears twice"), duplicate.getMessage());

        CriteriaException noVersion = assertThrows(CriteriaException.class, () -> Criteria.load(file("""
                criteria:
                  - id: a
                    metric: error_rate
                    target: "< 1"
                """)));
        assertTrue(noVersion.getMessage().contains("version"), noVersion.getMessage());

        CriteriaException absent = assertThrows(CriteriaException.class, () -> Criteria.load(tmp.resolve("nope.yaml")));
        assertTrue(absent.getMessage().contains("does not exist"), absent.getMessage());
    }

    private Path file(String yaml) throws IOException {
        return Files.writeString(tmp.resolve("criteria.yaml"), yaml);
    }
}
