package io.recallbricks.chaos.experiment.load;

/** The endpoints of the load (the tags of docs/contracts.md section 3) and the status each one expects. */
public enum Endpoint {
    PREDICT("predict", 200, true),
    SUGGEST("suggest", 200, true),
    SEARCH("search", 200, true),
    MAINTENANCE("maintenance", 200, false),
    LEARNING_METRICS("learning_metrics", 200, false),
    CREATE_MEMORY("create_memory", 201, false);

    private final String tag;
    private final int expectedStatus;
    private final boolean retrieval;

    Endpoint(String tag, int expectedStatus, boolean retrieval) {
        this.tag = tag;
        this.expectedStatus = expectedStatus;
        this.retrieval = retrieval;
    }

    public String tag() {
        return tag;
    }

    public int expectedStatus() {
        return expectedStatus;
    }

    /** Predict, suggest and search rank with embeddings and must say {@code search_method} when they fall back. */
    public boolean retrieval() {
        return retrieval;
    }
}
