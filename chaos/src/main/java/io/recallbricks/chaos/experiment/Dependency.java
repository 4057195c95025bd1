package io.recallbricks.chaos.experiment;

/** What a fault breaks, and the name of the service's breaker that guards it. */
public enum Dependency {
    DATABASE("database"),
    EMBEDDINGS("openai");

    private final String breaker;

    Dependency(String breaker) {
        this.breaker = breaker;
    }

    public String breaker() {
        return breaker;
    }
}
