package io.recallbricks.bench.gate;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One row of JMH's JSON output: a benchmark method (or group) with one combination of parameters.
 *
 * @param benchmark fully qualified {@code class.method}
 * @param mode      JMH's short mode name: {@code avgt}, {@code thrpt}, {@code sample}, {@code ss}
 * @param score     JMH's score: the mean over every measurement iteration of every fork
 * @param best      the best single measurement iteration (the shortest time, or the highest throughput): what the
 *                  code costs when no neighbour interferes, since interference only ever adds time
 * @param cpuBest   the best iteration of {@code cpu.time/op} (ns of the worker threads' CPU per operation, from
 *                  {@code ThreadCpuTimeProfiler}); null when the run was made without that profiler
 */
public record JmhResult(String benchmark, String mode, Map<String, String> params, double score, double error,
                        String unit, double best, Double cpuBest) {

    public JmhResult {
        params = Map.copyOf(params);
    }

    public String className() {
        int dot = benchmark.lastIndexOf('.');
        return dot < 0 ? "" : benchmark.substring(0, dot);
    }

    public String method() {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    /** A larger score is slower in the time modes, faster in throughput mode. */
    public boolean isTimeMode() {
        return !"thrpt".equals(mode);
    }

    /** The key a baseline stores this result under: the benchmark and its sorted parameters. */
    public String key() {
        if (params.isEmpty()) {
            return benchmark;
        }
        return benchmark + new TreeMap<>(params).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(",", "[", "]"));
    }

    /** The key without the package, for tables. */
    public String shortKey() {
        String key = key();
        String cls = className();
        int dot = cls.lastIndexOf('.');
        return dot < 0 ? key : key.substring(dot + 1);
    }
}
