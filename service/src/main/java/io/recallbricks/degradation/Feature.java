package io.recallbricks.degradation;

import java.util.Locale;

/**
 * Optional features and the level at which each is switched off: the extras of ranking first, then whole
 * analytical routes. Core reads and writes are never switched off.
 */
public enum Feature {
    /** Temporal-pattern signals in predict and suggest. */
    TEMPORAL_PATTERNS(Level.HIGH),
    /** Context-derived suggestions (the suggest route's context expansion). */
    CONTEXT_SUGGESTIONS(Level.HIGH),
    /** GET /api/v1/learning/maintenance-suggestions. */
    MAINTENANCE_SUGGESTIONS(Level.CRITICAL),
    /** GET /api/v1/learning/metrics. */
    LEARNING_METRICS(Level.CRITICAL);

    private final Level offFrom;

    Feature(Level offFrom) {
        this.offFrom = offFrom;
    }

    public Level offFrom() {
        return offFrom;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
