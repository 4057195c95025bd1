package io.recallbricks.reports.merge;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recallbricks.reports.run.Json;
import io.recallbricks.reports.run.RunFolder;
import io.recallbricks.reports.run.RunReadException;
import io.recallbricks.reports.run.Timestamps;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Merges the results folders of several injectors that each ran a slice of the same load into one run folder.
 *
 * <p>Raw data is copied, never pre-aggregated: each injector's {@code latency*.hlog} and {@code outcomes*.json}
 * land in the merged phase folder under a prefix naming the injector, and the reader merges them exactly.
 * run.json is combined: earliest start, latest finish, the injectors listed together, each phase's
 * {@code intendedRps} summed (each injector states the rate it injected), stress steps summed by phase with
 * "held" only if every injector's step held. Server samples are concatenated; Gatling reports go to
 * {@code gatling/<injector folder>/}; chaos journals and JMH results are copied (the first of a name wins).
 */
public final class RunMerger {

    private RunMerger() {
    }

    public static void merge(List<Path> inputs, Path out) {
        if (inputs.size() < 2) {
            throw new RunReadException("merge needs at least two run folders, got " + inputs.size());
        }
        List<ObjectNode> infos = new ArrayList<>();
        for (Path in : inputs) {
            if (!Files.isDirectory(in)) {
                throw new RunReadException(in + " is not a directory");
            }
            JsonNode node = Json.read(in.resolve(RunFolder.RUN_FILE), JsonNode.class);
            if (!node.isObject()) {
                throw new RunReadException(in.resolve(RunFolder.RUN_FILE) + " is not a JSON object");
            }
            infos.add((ObjectNode) node);
        }
        String profile = infos.get(0).path("profile").asText(null);
        for (int i = 1; i < infos.size(); i++) {
            String other = infos.get(i).path("profile").asText(null);
            if (profile == null ? other != null : !profile.equals(other)) {
                throw new RunReadException("cannot merge runs of different profiles: " + inputs.get(0) + " is '"
                        + profile + "', " + inputs.get(i) + " is '" + other + "'");
            }
        }
        prepare(out);
        try {
            Files.writeString(out.resolve(RunFolder.RUN_FILE),
                    Json.MAPPER.writeValueAsString(runInfo(infos, inputs, out)) + "\n", StandardCharsets.UTF_8);
            for (int i = 0; i < inputs.size(); i++) {
                copyInjector(inputs.get(i), out, injectorPrefix(i, inputs.get(i)));
            }
        } catch (IOException e) {
            throw new RunReadException("cannot write the merged run into " + out + ": " + e.getMessage(), e);
        } catch (UncheckedIOException e) {
            throw new RunReadException("cannot write the merged run into " + out + ": " + e.getCause().getMessage(), e);
        }
    }

    private static void prepare(Path out) {
        try {
            if (Files.exists(out)) {
                try (Stream<Path> list = Files.list(out)) {
                    if (list.findAny().isPresent()) {
                        throw new RunReadException(out + " exists and is not empty; merge writes a new run folder");
                    }
                }
            }
            Files.createDirectories(out);
        } catch (IOException e) {
            throw new RunReadException("cannot create " + out + ": " + e.getMessage(), e);
        }
    }

    private static String injectorPrefix(int index, Path in) {
        return "inj" + (index + 1) + "-" + in.getFileName().toString().replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    private static ObjectNode runInfo(List<ObjectNode> infos, List<Path> inputs, Path out) {
        ObjectNode merged = infos.get(0).deepCopy();
        merged.put("runId", out.getFileName().toString());
        merged.put("startedAt", extreme(infos, "startedAt", true));
        merged.put("finishedAt", extreme(infos, "finishedAt", false));
        ArrayNode injectors = merged.putArray("injectors");
        for (int i = 0; i < infos.size(); i++) {
            JsonNode list = infos.get(i).path("injectors");
            if (list.isArray() && !list.isEmpty()) {
                list.forEach(injectors::add);
            } else {
                injectors.addObject().put("name", inputs.get(i).getFileName().toString());
            }
        }
        merged.set("phases", phases(infos));
        JsonNode stress = stress(infos);
        if (stress != null) {
            merged.set("stress", stress);
        }
        ArrayNode mergedFrom = merged.putArray("mergedFrom");
        inputs.forEach(p -> mergedFrom.add(p.toAbsolutePath().normalize().toString()));
        return merged;
    }

    private static ArrayNode phases(List<ObjectNode> infos) {
        Map<String, ObjectNode> byName = new LinkedHashMap<>();
        for (ObjectNode info : infos) {
            for (JsonNode p : info.path("phases")) {
                String name = p.path("name").asText();
                ObjectNode existing = byName.get(name);
                if (existing == null) {
                    byName.put(name, ((ObjectNode) p).deepCopy());
                    continue;
                }
                sum(existing, p, "intendedRps");
                earliest(existing, p, "startedAt", true);
                earliest(existing, p, "finishedAt", false);
                existing.put("judged", existing.path("judged").asBoolean() || p.path("judged").asBoolean());
            }
        }
        ArrayNode out = Json.MAPPER.createArrayNode();
        byName.values().forEach(out::add);
        return out;
    }

    private static JsonNode stress(List<ObjectNode> infos) {
        Map<String, ObjectNode> steps = new LinkedHashMap<>();
        for (ObjectNode info : infos) {
            for (JsonNode s : info.path("stress").path("steps")) {
                String phase = s.path("phase").asText();
                ObjectNode existing = steps.get(phase);
                if (existing == null) {
                    steps.put(phase, ((ObjectNode) s).deepCopy());
                } else {
                    sum(existing, s, "intendedRps");
                    existing.put("held", existing.path("held").asBoolean() && s.path("held").asBoolean());
                }
            }
        }
        if (steps.isEmpty()) {
            return null;
        }
        ObjectNode stress = Json.MAPPER.createObjectNode();
        ArrayNode list = stress.putArray("steps");
        Double breakPoint = null;
        for (ObjectNode s : steps.values()) {
            list.add(s);
            if (s.path("held").asBoolean() && s.hasNonNull("intendedRps")) {
                breakPoint = breakPoint == null ? s.get("intendedRps").asDouble() : Math.max(breakPoint, s.get("intendedRps").asDouble());
            }
        }
        if (breakPoint == null) {
            stress.putNull("breakPointRps");
        } else {
            stress.put("breakPointRps", breakPoint);
        }
        return stress;
    }

    private static void sum(ObjectNode into, JsonNode other, String field) {
        if (into.hasNonNull(field) && other.hasNonNull(field)) {
            into.put(field, into.get(field).asDouble() + other.get(field).asDouble());
        }
    }

    private static void earliest(ObjectNode into, JsonNode other, String field, boolean min) {
        Instant a = Timestamps.parse(into.path(field).asText(null));
        Instant b = Timestamps.parse(other.path(field).asText(null));
        if (a == null || (b != null && (min ? b.isBefore(a) : b.isAfter(a)))) {
            into.put(field, b == null ? null : b.toString());
        }
    }

    private static String extreme(List<ObjectNode> infos, String field, boolean min) {
        Instant best = null;
        for (ObjectNode info : infos) {
            Instant t = Timestamps.parse(info.path(field).asText(null));
            if (t != null && (best == null || (min ? t.isBefore(best) : t.isAfter(best)))) {
                best = t;
            }
        }
        return best == null ? null : best.toString();
    }

    private static void copyInjector(Path in, Path out, String prefix) throws IOException {
        Path phases = in.resolve(RunFolder.PHASES_DIR);
        if (Files.isDirectory(phases)) {
            try (Stream<Path> dirs = Files.list(phases)) {
                for (Path phase : dirs.filter(Files::isDirectory).toList()) {
                    Path target = Files.createDirectories(out.resolve(RunFolder.PHASES_DIR).resolve(phase.getFileName()));
                    try (Stream<Path> files = Files.list(phase)) {
                        for (Path f : files.filter(Files::isRegularFile).toList()) {
                            String name = f.getFileName().toString();
                            String kind = name.startsWith("latency") ? "latency" : name.startsWith("outcomes") ? "outcomes" : null;
                            if (kind != null) {
                                Files.copy(f, target.resolve(kind + "-" + prefix + "-" + name));
                            }
                        }
                    }
                }
            }
        }
        Path samples = in.resolve(RunFolder.SAMPLES_FILE);
        if (Files.isRegularFile(samples)) {
            List<String> lines = Files.readAllLines(samples, StandardCharsets.UTF_8).stream()
                    .filter(l -> !l.isBlank()).toList();
            Files.write(out.resolve(RunFolder.SAMPLES_FILE), lines, StandardCharsets.UTF_8,
                    StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        }
        copyTree(in.resolve(RunFolder.GATLING_DIR), out.resolve(RunFolder.GATLING_DIR).resolve(prefix));
        copyTree(in.resolve(RunFolder.JMH_DIR), out.resolve(RunFolder.JMH_DIR));
        copyTree(in.resolve(RunFolder.CHAOS_DIR), out.resolve(RunFolder.CHAOS_DIR));
    }

    /** Copies a folder's files; a file already present in the target (from an earlier injector) is kept. */
    private static void copyTree(Path from, Path to) throws IOException {
        if (!Files.isDirectory(from)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else if (!Files.exists(target)) {
                    Files.copy(p, target);
                }
            }
        }
    }
}
