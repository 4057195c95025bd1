package io.recallbricks.reports.criteria;

/** A criteria file that cannot be used; the message names the file and, where known, the line. */
public class CriteriaException extends RuntimeException {
    public CriteriaException(String message, Throwable cause) {
        super(message, cause);
    }
}
