package io.recallbricks.sla;

/** All API requests of a window together: what the alert rules compare with their thresholds. */
public record WindowSummary(long requests, long serverErrors, Double p95Seconds) {

    /** 5xx answers / requests; 0 when there were none. */
    public double errorRatio() {
        return requests == 0 ? 0 : (double) serverErrors / requests;
    }
}
