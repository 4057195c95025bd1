package io.recallbricks.reports.criteria;

/** A criteria-file value that breaks a rule; names the key so the loader can point at its line. */
final class InvalidFieldException extends IllegalArgumentException {
    private final String field;

    InvalidFieldException(String field, String message) {
        super(message);
        this.field = field;
    }

    String field() {
        return field;
    }
}
