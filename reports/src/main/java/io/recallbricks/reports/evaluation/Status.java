package io.recallbricks.reports.evaluation;

/** A criterion's outcome. */
public enum Status {
    PASS, FAIL,
    /** The data the criterion needs is absent; fails the gate unless the criterion is optional. */
    NOT_MEASURED,
    /** Not measured because the run left it out on purpose (chaos with an explicit option); the verdict says so. */
    LEFT_OUT
}
