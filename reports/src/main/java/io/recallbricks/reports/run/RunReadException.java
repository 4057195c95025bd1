package io.recallbricks.reports.run;

/** The run's result files cannot be read; the message says which file and why (CLI exit code 2). */
public class RunReadException extends RuntimeException {
    public RunReadException(String message) {
        super(message);
    }

    public RunReadException(String message, Throwable cause) {
        super(message, cause);
    }
}
