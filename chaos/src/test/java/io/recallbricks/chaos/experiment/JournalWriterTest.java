package io.recallbricks.chaos.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recallbricks.chaos.experiment.journal.Activity;
import io.recallbricks.chaos.experiment.journal.JournalEntry;
import io.recallbricks.chaos.experiment.journal.JournalWriter;
import io.recallbricks.chaos.experiment.ledger.WriteVerification;
import io.recallbricks.chaos.experiment.verdict.Backfill;
import io.recallbricks.chaos.experiment.verdict.Bounds;
import io.recallbricks.chaos.experiment.verdict.Check;
import io.recallbricks.chaos.experiment.verdict.Transition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The journal carries exactly the fields reports/README.md says the Resilience section reads. */
class JournalWriterTest {

    static final long START = 1_764_334_200_000L; // 2025-11-28T12:50:00Z

    private static JournalEntry entry(List<Check> checks, String status, boolean deviated) {
        Bounds bounds = new Bounds(Duration.ofSeconds(10), Duration.ofSeconds(15), Duration.ofSeconds(10),
                Duration.ofMillis(250), Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(40), 1.0);
        return new JournalEntry("embeddings-5xx", "Embedding API 5xx: keyword fallback", "the fake answers 5xx",
                status, deviated, START, START + 90_000, START + 20_000, START + 50_000,
                List.of(Activity.probe("error-rate", "0.00% of 400", true, START + 20_000)),
                List.of(Activity.action("inject-embeddings-5xx", "fake: errors", START + 20_000, START + 20_010)),
                List.of(Activity.action("remove-embeddings-5xx", "fault removed", START + 50_000, START + 50_005)),
                List.of(Activity.probe("error-rate", "0.00% of 200", !deviated, START + 90_000)),
                checks, List.of(new Transition(START + 22_500, "openai", "closed", "open")),
                List.of(new Transition(START + 22_700, "openai", "closed", "open")),
                Map.of("200", 1200L, "201", 300L), 1500, 0,
                new WriteVerification(330, 300, 300, 0, 30, 30, 0, 0, 0, List.of()),
                new Backfill(120, 120, 12.5), 6.5, bounds, Map.of("CIRCUIT_BREAKER_OPEN_SECONDS", "3"), "ci",
                List.of(new io.recallbricks.chaos.experiment.verdict.Timeline.Second(-1, 20, 0, 40, Map.of("openai", "closed")),
                        new io.recallbricks.chaos.experiment.verdict.Timeline.Second(0, 20, 0, 45, Map.of("openai", "open"))));
    }

    @Test
    void writesTheChaosToolkitFieldsAndTheRecallbricksExtension(@TempDir Path dir) throws Exception {
        Path file = JournalWriter.write(entry(List.of(Check.of("writes-safe", true, "ok")), "completed", false), dir);
        assertEquals("embeddings-5xx.journal.json", file.getFileName().toString());
        JsonNode j = new ObjectMapper().readTree(Files.readString(file));
        assertEquals("Embedding API 5xx: keyword fallback", j.path("experiment").path("title").asText());
        assertEquals("completed", j.path("status").asText());
        assertFalse(j.path("deviated").asBoolean(true));
        assertEquals("2025-11-28T12:50:00Z", j.path("start").asText());
        assertEquals("2025-11-28T12:51:30Z", j.path("end").asText());
        assertTrue(j.path("steady_states").path("before").path("steady_state_met").asBoolean());
        assertEquals("inject-embeddings-5xx", j.path("run").get(0).path("activity").path("name").asText());
        assertEquals("remove-embeddings-5xx", j.path("rollbacks").get(0).path("activity").path("name").asText());

        JsonNode ext = j.path("extensions").get(0);
        assertEquals("recallbricks", ext.path("name").asText());
        assertEquals("passed", ext.path("verdict").asText());
        assertEquals(0, ext.path("deviations").size());
        assertEquals("embeddings-5xx", ext.path("fault").path("name").asText());
        assertEquals("2025-11-28T12:50:20Z", ext.path("fault").path("injectedAt").asText());
        assertEquals("2025-11-28T12:50:50Z", ext.path("fault").path("removedAt").asText());
        JsonNode t = ext.path("breakerTransitions").get(0);
        assertEquals("2025-11-28T12:50:22.500Z", t.path("t").asText());
        assertEquals("openai", t.path("breaker").asText());
        assertEquals("closed", t.path("from").asText());
        assertEquals("open", t.path("to").asText());
        assertEquals(1500, ext.path("requestsDuringFault").path("ok").asLong());
        assertEquals(0, ext.path("requestsDuringFault").path("ko").asLong());
        assertEquals(300, ext.path("requestsDuringFault").path("byStatus").path("201").asLong());
        JsonNode w = ext.path("writes");
        assertEquals(300, w.path("acknowledged").asLong());
        assertEquals(300, w.path("verifiedIntact").asLong());
        assertEquals(30, w.path("unacknowledged").asLong());
        assertEquals(0, w.path("halfWritten").asLong());
        assertEquals(6.5, ext.path("recovery").path("mttrSeconds").asDouble());
        assertEquals(30.0, ext.path("recovery").path("boundSeconds").asDouble());
        assertEquals("open", ext.path("timeline").get(1).path("breakers").path("openai").asText());
    }

    @Test
    void aFailedCheckOrAnUnfinishedRunMakesTheVerdictFailedWithItsReasons() {
        JsonNode failedCheck = JournalWriter.toJson(entry(List.of(Check.of("keyword-fallback", false, "3 hybrid answers")),
                "completed", false)).path("extensions").get(0);
        assertEquals("failed", failedCheck.path("verdict").asText());
        assertEquals("keyword-fallback: 3 hybrid answers", failedCheck.path("deviations").get(0).asText());

        JsonNode aborted = JournalWriter.toJson(entry(List.of(Check.of("writes-safe", true, "ok")), "aborted", false))
                .path("extensions").get(0);
        assertEquals("failed", aborted.path("verdict").asText());
        assertEquals("experiment aborted", aborted.path("deviations").get(0).asText());

        JsonNode deviated = JournalWriter.toJson(entry(List.of(Check.of("writes-safe", true, "ok")), "completed", true));
        assertTrue(deviated.path("deviated").asBoolean());
        assertEquals("failed", deviated.path("extensions").get(0).path("verdict").asText());
    }
}
