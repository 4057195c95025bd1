package io.recallbricks.chaos.experiment.journal;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recallbricks.chaos.experiment.verdict.Check;
import io.recallbricks.chaos.experiment.verdict.Transition;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * Writes {@code <name>.journal.json} in the shape of Chaos Toolkit's journal (experiment, status, deviated,
 * steady_states, run, rollbacks) with an {@code extensions} entry named {@value #EXTENSION} holding the fields the
 * reports module renders (reports/README.md, "chaos journals"): verdict, deviations, fault, breakerTransitions,
 * requestsDuringFault, writes, recovery. The checks, bounds and configuration are added beside them for people.
 */
public final class JournalWriter {

    public static final String EXTENSION = "recallbricks";
    public static final String SUFFIX = ".journal.json";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JournalWriter() {
    }

    public static Path write(JournalEntry e, Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(e.name() + SUFFIX);
        Path tmp = dir.resolve(e.name() + SUFFIX + ".tmp");
        Files.writeString(tmp, JSON.writeValueAsString(toJson(e)));
        Files.move(tmp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return file;
    }

    public static ObjectNode toJson(JournalEntry e) {
        ObjectNode root = JSON.createObjectNode();
        root.put("chaoslib-version", (String) null);
        ObjectNode experiment = root.putObject("experiment");
        experiment.put("title", e.title());
        experiment.put("description", e.description());
        experiment.putArray("tags").add("recallbricks").add(e.name());
        ObjectNode hypothesis = experiment.putObject("steady-state-hypothesis");
        hypothesis.put("title", "Error rate and p95 at steady state, breakers closed");
        root.put("start", iso(e.startMs()));
        root.put("end", iso(e.endMs()));
        root.put("duration", (e.endMs() - e.startMs()) / 1000.0);
        root.put("status", e.status());
        root.put("deviated", e.deviated());
        ObjectNode steady = root.putObject("steady_states");
        steady.set("before", steadyState(e.before()));
        steady.set("after", e.after().isEmpty() ? null : steadyState(e.after()));
        steady.putArray("during");
        root.set("run", activities(e.run()));
        root.set("rollbacks", activities(e.rollbacks()));
        root.putArray("extensions").add(extension(e));
        return root;
    }

    private static ObjectNode extension(JournalEntry e) {
        ObjectNode ext = JSON.createObjectNode();
        ext.put("name", EXTENSION);
        ext.put("verdict", e.passed() ? "passed" : "failed");
        ArrayNode deviations = ext.putArray("deviations");
        e.deviations().forEach(deviations::add);
        ObjectNode fault = ext.putObject("fault");
        fault.put("name", e.name());
        fault.put("injectedAt", e.injectedAtMs() == null ? null : iso(e.injectedAtMs()));
        fault.put("removedAt", e.removedAtMs() == null ? null : iso(e.removedAtMs()));
        ext.set("breakerTransitions", transitions(e.metricsTransitions()));
        ext.set("healthTransitions", transitions(e.healthTransitions()));
        ObjectNode during = ext.putObject("requestsDuringFault");
        during.put("ok", e.okDuringFault());
        during.put("ko", e.koDuringFault());
        ObjectNode byStatus = during.putObject("byStatus");
        e.requestsDuringFault().forEach(byStatus::put);
        if (e.writes() != null) {
            ObjectNode writes = ext.putObject("writes");
            writes.put("acknowledged", e.writes().acknowledged());
            writes.put("verifiedIntact", e.writes().verifiedIntact());
            writes.put("unacknowledged", e.writes().unacknowledged());
            writes.put("halfWritten", e.writes().halfWritten());
            writes.put("lost", e.writes().lost());
            writes.put("absent", e.writes().absent());
            writes.put("complete", e.writes().complete());
            writes.put("unanswered", e.writes().unanswered());
        }
        ObjectNode recovery = ext.putObject("recovery");
        recovery.put("mttrSeconds", e.mttrSeconds());
        recovery.put("boundSeconds", e.bounds() == null ? null : (double) e.bounds().recovery().toSeconds());
        if (e.backfill() != null) {
            ObjectNode backfill = ext.putObject("embeddingBackfill");
            backfill.put("pending", e.backfill().pending());
            backfill.put("embedded", e.backfill().embedded());
            backfill.put("secondsAfterRemoval", e.backfill().secondsAfterRemoval());
        }
        ArrayNode checks = ext.putArray("checks");
        for (Check c : e.checks()) {
            checks.addObject().put("name", c.name()).put("passed", c.passed()).put("detail", c.detail());
        }
        if (e.bounds() != null) {
            ObjectNode bounds = ext.putObject("boundsSeconds");
            bounds.put("breakerOpen", e.bounds().breakerOpen().toMillis() / 1000.0);
            bounds.put("breakerClose", e.bounds().breakerClose().toMillis() / 1000.0);
            bounds.put("latency", e.bounds().latency().toMillis() / 1000.0);
            bounds.put("fastAnswerMedian", e.bounds().fastAnswer().toMillis() / 1000.0);
            bounds.put("recovery", e.bounds().recovery().toMillis() / 1000.0);
            if (e.bounds().backfill() != null) {
                bounds.put("backfill", e.bounds().backfill().toMillis() / 1000.0);
            }
        }
        ext.put("profile", e.profile());
        ArrayNode timeline = ext.putArray("timeline");
        for (var second : e.timeline()) {
            ObjectNode row = timeline.addObject().put("second", second.second()).put("requests", second.requests())
                    .put("ko", second.ko()).put("p95Ms", second.p95Ms());
            if (second.breakers() != null) {
                ObjectNode breakers = row.putObject("breakers");
                second.breakers().forEach(breakers::put);
            }
        }
        ObjectNode config = ext.putObject("serviceConfiguration");
        e.configuration().forEach(config::put);
        return ext;
    }

    private static ObjectNode steadyState(List<Activity> probes) {
        ObjectNode node = JSON.createObjectNode();
        node.put("steady_state_met", probes.stream().allMatch(p -> Boolean.TRUE.equals(p.toleranceMet())));
        node.set("probes", activities(probes));
        return node;
    }

    private static ArrayNode activities(List<Activity> activities) {
        ArrayNode out = JSON.createArrayNode();
        for (Activity a : activities) {
            ObjectNode run = out.addObject();
            run.putObject("activity").put("type", a.type()).put("name", a.name());
            run.put("output", a.output());
            run.put("status", a.status());
            run.put("start", iso(a.startMs()));
            run.put("end", iso(a.endMs()));
            run.put("duration", (a.endMs() - a.startMs()) / 1000.0);
            if (a.toleranceMet() != null) {
                run.put("tolerance_met", a.toleranceMet());
            }
        }
        return out;
    }

    private static ArrayNode transitions(List<Transition> transitions) {
        ArrayNode out = JSON.createArrayNode();
        for (Transition t : transitions) {
            out.addObject().put("t", iso(t.tMs())).put("breaker", t.breaker()).put("from", t.from()).put("to", t.to());
        }
        return out;
    }

    private static String iso(long epochMs) {
        return Instant.ofEpochMilli(epochMs).toString();
    }
}
