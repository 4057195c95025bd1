package io.recallbricks.reports.run;

/**
 * One endpoint's responses completed in one wall-clock second (all injectors merged): how many, and the
 * latency percentiles of that second in milliseconds.
 */
public record SecondStats(long epochSecond, long count, double p50Ms, double p95Ms, double p99Ms, double maxMs) {
}
