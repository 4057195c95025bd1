package io.recallbricks.reports.jmh;

/**
 * A benchmark with its in-run reference, if it has one.
 *
 * @param ratio cost relative to the reference: score / reference score in time modes, reference / score in
 *              throughput mode; above 1 means slower than the reference. Null without a comparable reference.
 */
public record BenchmarkRow(Microbenchmark benchmark, Microbenchmark reference, Double ratio) {
}
