package io.recallbricks.reports.evaluation;

/**
 * Latency and outcomes of one endpoint (or {@code all}) in one phase, for the per-endpoint tables.
 * Latencies in ms; {@code ok}/{@code ko} are null when the phase has no outcome file.
 */
public record EndpointPhaseStats(String phase, String endpoint, long count, Long ok, Long ko, double rps,
                                 double p50, double p90, double p95, double p99, double max) {
}
