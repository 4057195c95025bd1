package io.recallbricks.bench.gate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads JMH's {@code -rf json} output (the fields the gate needs; the rest is JMH's). */
public final class JmhResultFile {

    /** The secondary metric of {@code io.recallbricks.bench.cpu.ThreadCpuTimeProfiler}. */
    static final String CPU_METRIC = "cpu.time/op";

    private JmhResultFile() {
    }

    public static List<JmhResult> read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper().readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new GateInputException(file + " does not exist");
        } catch (JsonProcessingException e) {
            throw new GateInputException(file + " is not JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new GateInputException(file + " cannot be read: " + e.getMessage());
        }
        if (root == null || !root.isArray()) {
            throw new GateInputException(file + " is not JMH JSON output (expected an array of results)");
        }
        List<JmhResult> results = new ArrayList<>();
        for (JsonNode row : root) {
            JsonNode primary = row.path("primaryMetric");
            if (!row.hasNonNull("benchmark") || !primary.path("score").isNumber()) {
                throw new GateInputException(file + ": a result lacks 'benchmark' or a numeric 'primaryMetric.score'");
            }
            Map<String, String> params = new LinkedHashMap<>();
            row.path("params").fields().forEachRemaining(e -> params.put(e.getKey(), e.getValue().asText()));
            String mode = row.path("mode").asText("");
            double score = primary.get("score").asDouble();
            results.add(new JmhResult(row.get("benchmark").asText(), mode, params, score,
                    primary.path("scoreError").asDouble(Double.NaN), primary.path("scoreUnit").asText(""),
                    best(primary.path("rawData"), !"thrpt".equals(mode), score), cpuBest(row.path("secondaryMetrics"))));
        }
        return results;
    }

    private static Double cpuBest(JsonNode secondary) {
        JsonNode cpu = secondary.path(CPU_METRIC);
        return cpu.isMissingNode() ? null : best(cpu.path("rawData"), true, cpu.path("score").asDouble(Double.NaN));
    }

    /** The best iteration of {@code rawData} (one array of iteration scores per fork); the mean when it is absent. */
    private static double best(JsonNode rawData, boolean lowerIsBetter, double mean) {
        double best = Double.NaN;
        for (JsonNode fork : rawData) {
            for (JsonNode iteration : fork) {
                double value = iteration.asDouble();
                if (Double.isNaN(best) || (lowerIsBetter ? value < best : value > best)) {
                    best = value;
                }
            }
        }
        return Double.isNaN(best) ? mean : best;
    }
}
