package io.recallbricks.bench.gate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/** Writes files in the shape of JMH's {@code -rf json} output, for the gate's tests. */
final class JmhJson {

    private final List<String> rows = new ArrayList<>();

    /** A result whose every iteration scored {@code score}. */
    JmhJson add(String benchmark, String mode, Map<String, String> params, double score, String unit) {
        return addIterations(benchmark, mode, params, unit, new double[][]{{score, score}, {score, score}});
    }

    /** A result with these iteration scores (one array per fork); JMH's score is their mean. */
    JmhJson addIterations(String benchmark, String mode, Map<String, String> params, String unit, double[][] forks) {
        return addIterations(benchmark, mode, params, unit, forks, null);
    }

    /** The same, with the CPU time per operation of each iteration as ThreadCpuTimeProfiler records it. */
    JmhJson addIterations(String benchmark, String mode, Map<String, String> params, String unit, double[][] forks,
                          double[][] cpuForks) {
        double score = java.util.Arrays.stream(forks).flatMapToDouble(java.util.Arrays::stream).average().orElseThrow();
        String raw = raw(forks);
        String secondary = cpuForks == null ? "{}" : String.format(Locale.ROOT,
                "{\"cpu.time/op\": {\"score\": 1, \"scoreUnit\": \"ns/op\", \"rawData\": %s}}", raw(cpuForks));
        String paramJson = params.entrySet().stream()
                .map(e -> "\"" + e.getKey() + "\": \"" + e.getValue() + "\"").collect(Collectors.joining(", ", "{", "}"));
        rows.add(String.format(Locale.ROOT, """
                {"jmhVersion": "1.37", "benchmark": "%s", "mode": "%s", "threads": 1, "forks": 2, "params": %s,
                 "primaryMetric": {"score": %s, "scoreError": %s, "scoreUnit": "%s", "rawData": %s},
                 "secondaryMetrics": %s}""", benchmark, mode, paramJson, score, score / 50, unit, raw, secondary));
        return this;
    }

    private static String raw(double[][] forks) {
        return java.util.Arrays.stream(forks)
                .map(fork -> java.util.Arrays.stream(fork).mapToObj(Double::toString).collect(Collectors.joining(", ", "[", "]")))
                .collect(Collectors.joining(", ", "[", "]"));
    }

    Path write(Path dir, String name) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, "[\n" + String.join(",\n", rows) + "\n]\n");
        return file;
    }

    List<JmhResult> results(Path dir) throws IOException {
        return JmhResultFile.read(write(dir, "results-" + System.nanoTime() + ".json"));
    }
}
