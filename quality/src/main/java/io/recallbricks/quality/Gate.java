package io.recallbricks.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The verdict: (1) no recall@5 or MRR of the baseline dropped by more than the tolerance (absolute); (2) for each
 * provider with vectors, hybrid search ranks better (MRR) than both keyword-only and vector-only; (3) every answer
 * of a vector or hybrid configuration's search was really ranked that way (no silent fall-back to keywords).
 */
public final class Gate {

    public record Verdict(boolean passed, List<String> lines) {
    }

    private Gate() {
    }

    public static Verdict judge(List<Benchmark.Result> results, Optional<JsonNode> baseline, double tolerance) {
        List<String> lines = new ArrayList<>();
        boolean passed = true;
        if (baseline.isPresent()) {
            for (JsonNode entry : baseline.get().path("entries")) {
                String provider = entry.path("provider").asText();
                String method = entry.path("method").asText();
                String endpoint = entry.path("endpoint").asText();
                Optional<Benchmark.EndpointResult> current = find(results, provider, method, endpoint);
                if (current.isEmpty()) {
                    lines.add("not measured: " + provider + "/" + method + "/" + endpoint + " (in the baseline)");
                    passed = false;
                    continue;
                }
                for (String metric : List.of("recall_at_5", "mrr")) {
                    double base = entry.path(metric).asDouble();
                    double now = metric.equals("mrr") ? current.get().mrr() : current.get().recallAt5();
                    boolean ok = now >= base - tolerance;
                    passed &= ok;
                    if (!ok || Math.abs(now - base) > 1e-9) {
                        lines.add((ok ? "ok   " : "FAIL ") + provider + "/" + method + "/" + endpoint + " " + metric + " "
                                + Report.f(now) + " vs baseline " + Report.f(base) + " (tolerance " + tolerance + ")");
                    }
                }
            }
            lines.add("baseline compared: " + baseline.get().path("entries").size() + " entries, tolerance " + tolerance);
        } else {
            lines.add("no baseline: drops are not judged");
        }
        for (String provider : results.stream().map(Benchmark.Result::provider).distinct().toList()) {
            Optional<Benchmark.EndpointResult> hybrid = find(results, provider, "hybrid", "search");
            Optional<Benchmark.EndpointResult> vector = find(results, provider, "vector", "search");
            Optional<Benchmark.EndpointResult> keyword = find(results, "none", "keyword", "search");
            if (hybrid.isPresent() && vector.isPresent() && keyword.isPresent()) {
                boolean beats = hybrid.get().mrr() > vector.get().mrr() && hybrid.get().mrr() > keyword.get().mrr();
                passed &= beats;
                lines.add((beats ? "ok   " : "FAIL ") + provider + ": hybrid search MRR " + Report.f(hybrid.get().mrr())
                        + " vs vector " + Report.f(vector.get().mrr()) + ", keyword " + Report.f(keyword.get().mrr()));
            }
        }
        for (Benchmark.Result result : results) {
            if (!result.provider().equals("none")) {
                Map<String, Integer> methods = result.endpoints().get("search").searchMethods();
                boolean honest = methods.keySet().stream().allMatch(m -> m.equals("hybrid") || m.equals("vector"));
                passed &= honest;
                if (!honest) {
                    lines.add("FAIL " + result.provider() + "/" + result.method() + ": search fell back to " + methods);
                }
            }
        }
        return new Verdict(passed, lines);
    }

    private static Optional<Benchmark.EndpointResult> find(List<Benchmark.Result> results, String provider, String method,
                                                           String endpoint) {
        return results.stream().filter(r -> r.provider().equals(provider) && r.method().equals(method))
                .map(r -> r.endpoints().get(endpoint)).findFirst();
    }

    /** The baseline file: recall@5 and MRR of every measured provider, method and endpoint. */
    public static void writeBaseline(Path file, List<Benchmark.Result> results) throws IOException {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Benchmark.Result result : results) {
            result.endpoints().forEach((endpoint, r) -> {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("provider", result.provider());
                entry.put("method", result.method());
                entry.put("endpoint", endpoint);
                entry.put("recall_at_5", Math.round(r.recallAt5() * 1000) / 1000.0);
                entry.put("mrr", Math.round(r.mrr() * 1000) / 1000.0);
                entries.add(entry);
            });
        }
        Files.createDirectories(file.toAbsolutePath().getParent());
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(file.toFile(), Map.of("entries", entries));
    }

    public static Optional<JsonNode> readBaseline(Path file) throws IOException {
        return Files.isRegularFile(file) ? Optional.of(new ObjectMapper().readTree(file.toFile())) : Optional.empty();
    }
}
