package io.recallbricks.perf.workload;

/**
 * The endpoints of the load model. {@link #tag} is the name used in the run folder (histogram tags and
 * outcomes keys, docs/contracts.md section 3); {@link #readShare} is the original load test's mix of reads.
 */
public enum Endpoint {
    PREDICT("predict", 0.40, 200),
    SUGGEST("suggest", 0.30, 200),
    SEARCH("search", 0.20, 200),
    MAINTENANCE("maintenance", 0.05, 200),
    LEARNING_METRICS("learning_metrics", 0.05, 200),
    CREATE_MEMORY("create_memory", 0, 201),
    UPDATE_MEMORY("update_memory", 0, 200),
    FEEDBACK("feedback", 0, 200);

    /** How the write share splits between the write endpoints. */
    private static final double CREATE_OF_WRITES = 0.50;
    private static final double UPDATE_OF_WRITES = 0.25;
    private static final double FEEDBACK_OF_WRITES = 0.25;

    public final String tag;
    private final double readShare;
    public final int expectedStatus;

    Endpoint(String tag, double readShare, int expectedStatus) {
        this.tag = tag;
        this.readShare = readShare;
        this.expectedStatus = expectedStatus;
    }

    /** This endpoint's share of all arrivals, in percent, given the share of arrivals that write. */
    public double percentOfArrivals(double writeShare) {
        double share = switch (this) {
            case CREATE_MEMORY -> writeShare * CREATE_OF_WRITES;
            case UPDATE_MEMORY -> writeShare * UPDATE_OF_WRITES;
            case FEEDBACK -> writeShare * FEEDBACK_OF_WRITES;
            default -> (1 - writeShare) * readShare;
        };
        return 100 * share;
    }

    public static Endpoint byTag(String tag) {
        for (Endpoint e : values()) {
            if (e.tag.equals(tag)) return e;
        }
        throw new IllegalArgumentException("unknown endpoint " + tag);
    }
}
