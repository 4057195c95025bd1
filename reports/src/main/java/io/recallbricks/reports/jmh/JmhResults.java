package io.recallbricks.reports.jmh;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.recallbricks.reports.run.Json;
import io.recallbricks.reports.run.RunReadException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads {@code jmh/jmh-result.json} (JMH's {@code -rf json}) and pairs each benchmark with its in-run reference:
 * <ol>
 *   <li>explicitly, from {@code jmh/references.yaml}: {@code references: {<benchmark>: <reference benchmark>}};</li>
 *   <li>else by convention: in a class with exactly one method whose name starts with {@code reference}, that
 *       method is the reference of the class's other methods.</li>
 * </ol>
 * A reference result pairs with a benchmark result when its parameters are a subset of the benchmark's (the most
 * specific wins) and mode and unit agree.
 */
public final class JmhResults {

    public static final String RESULT_FILE = "jmh-result.json";
    public static final String REFERENCES_FILE = "references.yaml";
    /** Written by perf-jmh's ratio gate beside the result: per benchmark, its verdict and whether it gates. */
    public static final String GATE_FILE = "gate.json";

    /** perf-jmh's key of a result: the benchmark, then its parameters sorted by name ({@code topK[dims=384,vectors=1000]}). */
    static String gateKey(Microbenchmark b) {
        return b.params().isEmpty() ? b.benchmark() : b.benchmark() + b.params().entrySet().stream()
                .sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + "=" + e.getValue())
                .collect(java.util.stream.Collectors.joining(",", "[", "]"));
    }

    private static Map<String, BenchmarkRow.GateVerdict> gate(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        JsonNode root = Json.read(file, JsonNode.class);
        Map<String, BenchmarkRow.GateVerdict> verdicts = new java.util.HashMap<>();
        root.path("benchmarks").fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            verdicts.put(e.getKey(), new BenchmarkRow.GateVerdict(v.path("verdict").asText("?"),
                    v.has("tolerancePercent") ? v.get("tolerancePercent").asDouble() : null,
                    v.has("changePercent") ? v.get("changePercent").asDouble() : null,
                    v.has("gated") ? v.get("gated").asBoolean() : null));
        });
        return verdicts;
    }

    private JmhResults() {
    }

    /** Empty when the run has no JMH results. */
    public static Optional<List<BenchmarkRow>> read(Path jmhDir) {
        Path file = jmhDir.resolve(RESULT_FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        List<Microbenchmark> results = parse(file);
        Map<String, String> references = references(jmhDir.resolve(REFERENCES_FILE));
        Map<String, BenchmarkRow.GateVerdict> gate = gate(jmhDir.resolve(GATE_FILE));
        List<BenchmarkRow> rows = new ArrayList<>();
        for (Microbenchmark b : results) {
            Optional<Microbenchmark> ref = referenceName(b, results, references)
                    .flatMap(name -> matching(b, name, results));
            rows.add(new BenchmarkRow(b, ref.orElse(null), ref.map(r -> ratio(b, r)).orElse(null), gate.get(gateKey(b))));
        }
        return Optional.of(rows);
    }

    private static List<Microbenchmark> parse(Path file) {
        JsonNode root = Json.read(file, JsonNode.class);
        if (!root.isArray()) {
            throw new RunReadException(file + " is not JMH JSON output (expected an array of results)");
        }
        List<Microbenchmark> out = new ArrayList<>();
        for (JsonNode n : root) {
            JsonNode primary = n.path("primaryMetric");
            if (!n.hasNonNull("benchmark") || !primary.hasNonNull("score")) {
                throw new RunReadException(file + ": a result lacks 'benchmark' or 'primaryMetric.score'");
            }
            Map<String, String> params = new LinkedHashMap<>();
            Iterator<Map.Entry<String, JsonNode>> it = n.path("params").fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                params.put(e.getKey(), e.getValue().asText());
            }
            out.add(new Microbenchmark(n.get("benchmark").asText(), n.path("mode").asText(""), params,
                    primary.get("score").asDouble(), primary.path("scoreError").asDouble(Double.NaN),
                    primary.path("scoreUnit").asText("")));
        }
        return out;
    }

    private static Map<String, String> references(Path file) {
        if (!Files.isRegularFile(file)) {
            return Map.of();
        }
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
            JsonNode refs = root == null ? null : root.get("references");
            if (refs == null || !refs.isObject()) {
                throw new RunReadException(file + " must have a 'references' mapping of benchmark to reference");
            }
            Map<String, String> map = new LinkedHashMap<>();
            refs.fields().forEachRemaining(e -> map.put(e.getKey(), e.getValue().asText()));
            return map;
        } catch (JsonProcessingException e) {
            throw new RunReadException(file + " is not valid YAML: " + Json.oneLine(e), e);
        } catch (IOException e) {
            throw new RunReadException(file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static Optional<String> referenceName(Microbenchmark b, List<Microbenchmark> all, Map<String, String> refs) {
        if (refs.containsKey(b.benchmark())) {
            return Optional.of(refs.get(b.benchmark()));
        }
        if (isConventionalReference(b)) {
            return Optional.empty();
        }
        List<String> candidates = all.stream()
                .filter(o -> o.className().equals(b.className()) && isConventionalReference(o))
                .map(Microbenchmark::benchmark).distinct().toList();
        return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
    }

    private static boolean isConventionalReference(Microbenchmark b) {
        return b.method().startsWith("reference");
    }

    private static Optional<Microbenchmark> matching(Microbenchmark b, String refName, List<Microbenchmark> all) {
        return all.stream()
                .filter(r -> r.benchmark().equals(refName) && r != b)
                .filter(r -> r.mode().equals(b.mode()) && r.unit().equals(b.unit()))
                .filter(r -> r.params().entrySet().stream()
                        .allMatch(e -> e.getValue().equals(b.params().get(e.getKey()))))
                .max(Comparator.comparingInt(r -> r.params().size()));
    }

    private static double ratio(Microbenchmark b, Microbenchmark ref) {
        return b.isTimeMode() ? b.score() / ref.score() : ref.score() / b.score();
    }
}
