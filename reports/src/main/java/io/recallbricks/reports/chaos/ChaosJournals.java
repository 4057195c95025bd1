package io.recallbricks.reports.chaos;

import com.fasterxml.jackson.databind.JsonNode;
import io.recallbricks.reports.run.EndpointOutcome;
import io.recallbricks.reports.run.Json;
import io.recallbricks.reports.run.RunReadException;
import io.recallbricks.reports.run.Timestamps;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Reads {@code chaos/*.journal.json}: Chaos Toolkit's journal fields ({@code experiment.title}, {@code status},
 * {@code deviated}, {@code start}, {@code end}) plus an entry of its {@code extensions} list named
 * {@value #EXTENSION} with what our experiments verify. The format is specified in reports/README.md.
 */
public final class ChaosJournals {

    public static final String EXTENSION = "recallbricks";
    static final String SUFFIX = ".journal.json";

    private ChaosJournals() {
    }

    /** Empty when the run has no journals. */
    public static Optional<List<Experiment>> read(Path chaosDir) {
        if (!Files.isDirectory(chaosDir)) {
            return Optional.empty();
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(chaosDir)) {
            files = list.filter(p -> p.getFileName().toString().endsWith(SUFFIX)).sorted().toList();
        } catch (IOException e) {
            throw new RunReadException(chaosDir + " cannot be listed: " + e.getMessage(), e);
        }
        if (files.isEmpty()) {
            return Optional.empty();
        }
        List<Experiment> out = new ArrayList<>();
        for (Path f : files) {
            try {
                out.add(experiment(f, Json.read(f, JsonNode.class)));
            } catch (IllegalArgumentException e) {
                throw new RunReadException(f + " is not a valid journal: " + e.getMessage(), e);
            }
        }
        return Optional.of(out);
    }

    private static Experiment experiment(Path file, JsonNode journal) {
        JsonNode ext = extension(journal);
        String status = text(journal, "status");
        Boolean deviated = journal.hasNonNull("deviated") ? journal.get("deviated").asBoolean() : null;
        boolean passed = ext.hasNonNull("verdict")
                ? verdict(ext.get("verdict").asText())
                : "completed".equals(status) && Boolean.FALSE.equals(deviated);
        String name = file.getFileName().toString();
        String title = journal.path("experiment").hasNonNull("title")
                ? journal.path("experiment").get("title").asText()
                : name.substring(0, name.length() - SUFFIX.length());
        JsonNode fault = ext.path("fault");
        JsonNode recovery = ext.path("recovery");
        return new Experiment(name, title, passed, status, deviated,
                Timestamps.parse(text(journal, "start")), Timestamps.parse(text(journal, "end")),
                text(fault, "name"), Timestamps.parse(text(fault, "injectedAt")),
                Timestamps.parse(text(fault, "removedAt")),
                transitions(ext.path("breakerTransitions")), outcome(ext.path("requestsDuringFault")),
                writes(ext.path("writes")), number(recovery, "mttrSeconds"), number(recovery, "boundSeconds"),
                strings(ext.path("deviations")));
    }

    private static JsonNode extension(JsonNode journal) {
        for (JsonNode e : journal.path("extensions")) {
            if (EXTENSION.equals(e.path("name").asText())) {
                return e;
            }
        }
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static boolean verdict(String v) {
        return switch (v) {
            case "passed" -> true;
            case "failed" -> false;
            default -> throw new IllegalArgumentException("verdict must be \"passed\" or \"failed\", got \"" + v + "\"");
        };
    }

    private static List<Experiment.BreakerTransition> transitions(JsonNode list) {
        List<Experiment.BreakerTransition> out = new ArrayList<>();
        for (JsonNode t : list) {
            out.add(new Experiment.BreakerTransition(Timestamps.parse(text(t, "t")), text(t, "breaker"),
                    text(t, "from"), text(t, "to")));
        }
        return out;
    }

    private static EndpointOutcome outcome(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        Map<String, Long> byStatus = new TreeMap<>();
        node.path("byStatus").fields().forEachRemaining(e -> byStatus.put(e.getKey(), e.getValue().asLong()));
        return new EndpointOutcome(node.path("ok").asLong(), node.path("ko").asLong(), byStatus);
    }

    private static Experiment.Writes writes(JsonNode node) {
        if (node.isMissingNode() || node.isNull()) {
            return null;
        }
        return new Experiment.Writes(node.path("acknowledged").asLong(), node.path("verifiedIntact").asLong(),
                node.path("unacknowledged").asLong(), node.path("halfWritten").asLong());
    }

    private static List<String> strings(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.forEach(n -> out.add(n.asText()));
        return out;
    }

    private static String text(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asText() : null;
    }

    private static Double number(JsonNode node, String field) {
        return node.hasNonNull(field) ? node.get(field).asDouble() : null;
    }
}
