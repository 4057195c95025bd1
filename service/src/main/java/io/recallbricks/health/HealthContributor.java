package io.recallbricks.health;

/**
 * A part of the service that reports its state in {@code GET /health} (breakers, degradation, rate-limit backend).
 * Contributions are read from memory: liveness never waits on a dependency.
 */
public interface HealthContributor {

    /** The key of this contribution in the health body. */
    String name();

    /** A JSON-serialisable snapshot. */
    Object snapshot();
}
