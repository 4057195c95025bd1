package io.recallbricks.reports.jmh;

import java.util.Map;
import java.util.stream.Collectors;

/** One benchmark result of JMH's JSON output (one benchmark method with one combination of parameters). */
public record Microbenchmark(String benchmark, String mode, Map<String, String> params, double score,
                             double error, String unit) {

    public Microbenchmark {
        params = Map.copyOf(params);
    }

    /** Fully qualified class name: the benchmark name without its method. */
    public String className() {
        int dot = benchmark.lastIndexOf('.');
        return dot < 0 ? "" : benchmark.substring(0, dot);
    }

    public String method() {
        return benchmark.substring(benchmark.lastIndexOf('.') + 1);
    }

    /** e.g. {@code VectorRankingBenchmark.topK [dims=384, vectors=1000]}. */
    public String label() {
        String cls = className();
        String shortName = cls.substring(cls.lastIndexOf('.') + 1) + "." + method();
        return params.isEmpty() ? shortName : shortName + " " + params.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", ", "[", "]"));
    }

    /** Time per operation modes: a larger score is slower. Throughput mode: a larger score is faster. */
    public boolean isTimeMode() {
        return !"thrpt".equals(mode);
    }
}
