package io.recallbricks.reports.criteria;

import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/** How the samples of one phase are reduced to one value. */
public enum SampleStatistic {
    MAX("max"), P95("p95"), P50("p50"), MEAN("mean");

    private final String key;

    SampleStatistic(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    /** Applies the statistic; percentiles use the nearest-rank method, so the result is an observed sample. */
    public double apply(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        return switch (this) {
            case MAX -> sorted[sorted.length - 1];
            case MEAN -> Arrays.stream(sorted).average().orElseThrow();
            case P95 -> nearestRank(sorted, 95);
            case P50 -> nearestRank(sorted, 50);
        };
    }

    private static double nearestRank(double[] sorted, double percentile) {
        int rank = (int) Math.ceil(percentile / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    static SampleStatistic fromKey(String key) {
        for (SampleStatistic s : values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown statistic '" + key + "'; one of "
                + Arrays.stream(values()).map(SampleStatistic::key).collect(Collectors.joining(", ")));
    }
}
