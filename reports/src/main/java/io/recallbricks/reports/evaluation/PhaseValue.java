package io.recallbricks.reports.evaluation;

/**
 * A criterion measured in one phase.
 *
 * @param value null when not measured in this phase
 * @param note  how it was measured (e.g. "p95 of 40 processCpu samples") or why it was not
 */
public record PhaseValue(String phase, Double value, String note) {
    public boolean measured() {
        return value != null;
    }
}
