package io.recallbricks.reports.evaluation;

import io.recallbricks.reports.Format;
import io.recallbricks.reports.criteria.Criterion;

import java.util.List;

/**
 * A criterion judged on a run.
 *
 * @param measured the worst value over the judged phases (null when not measured)
 * @param phase    the phase the measured value comes from
 * @param note     how it was measured, or why it was not, or why it failed despite its value
 * @param perPhase the value in every phase the criterion judges
 */
public record CriterionResult(Criterion criterion, Status status, Double measured, String phase, String note,
                              List<PhaseValue> perPhase) {

    public CriterionResult {
        perPhase = List.copyOf(perPhase);
    }

    /** Whether this result keeps the release gate shut. */
    public boolean failsGate() {
        return status == Status.FAIL || (status == Status.NOT_MEASURED && !criterion.optional());
    }

    public String measuredText() {
        return switch (status) {
            case NOT_MEASURED -> "not measured";
            case LEFT_OUT -> "left out";
            default -> Format.value(measured, criterion.unit());
        };
    }

    /** PASS, FAIL, NOT MEASURED, or SKIPPED for an optional criterion without data. */
    public String verdictText() {
        return switch (status) {
            case PASS -> "PASS";
            case FAIL -> "FAIL";
            case NOT_MEASURED -> criterion.optional() ? "SKIPPED" : "NOT MEASURED";
            case LEFT_OUT -> "LEFT OUT";
        };
    }
}
