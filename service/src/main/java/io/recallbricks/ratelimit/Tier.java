package io.recallbricks.ratelimit;

import java.util.Locale;
import java.util.Set;

/**
 * The limits: one client address for requests without a valid key (before the global one), all traffic together,
 * one tenant, and one tenant's calls to the expensive routes (each of which also counts against the tenant's own
 * limit).
 */
public enum Tier {
    CLIENT, GLOBAL, USER, EXPENSIVE;

    /**
     * Routes whose work is an order of magnitude above a CRUD call: ranking, suggestions, maintenance scans, and
     * learn, whose metadata may come from a paid chat-model call. Normalised route templates ({@code RoutePath}).
     */
    static final Set<String> EXPENSIVE_PATHS = Set.of(
            "/api/v1/memories/predict",
            "/api/v1/memories/suggest",
            "/api/v1/memories/recall",
            "/api/v1/memories/search-weighted",
            "/api/v1/memories/learn",
            "/api/v1/learning/analyze",
            "/api/v1/learning/maintenance-suggestions");

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The bucket key of this tier for a subject ("" for the global tier). */
    String key(String subject) {
        return this == GLOBAL ? "rb:rl:global" : "rb:rl:" + label() + ":" + subject;
    }
}
