package io.recallbricks.degradation;

import java.util.Locale;

/** How much optional work the service sheds; the gauge {@code degradation_level} carries the ordinal. */
public enum Level {
    NORMAL, HIGH, CRITICAL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
