package io.recallbricks.reports.run;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/** ISO-8601 instants as producers write them; Chaos Toolkit writes UTC without an offset, so UTC is assumed. */
public final class Timestamps {
    private Timestamps() {
    }

    /** Parses {@code text}, or returns null for null/empty; throws {@link IllegalArgumentException} otherwise. */
    public static Instant parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException("'" + text + "' is not an ISO-8601 timestamp");
            }
        }
    }
}
