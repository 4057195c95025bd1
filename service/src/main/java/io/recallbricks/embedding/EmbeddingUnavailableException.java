package io.recallbricks.embedding;

/**
 * The embedding API gave no usable vectors. {@link #reason()} is the metric outcome and what the logs say; callers
 * fall back to keywords (reads) or store the memory without its embedding for the background job (writes).
 */
public class EmbeddingUnavailableException extends Exception {

    /** Why, as the {@code outcome} tag of {@code embedding_requests_total}. */
    public enum Reason {
        DISABLED("disabled"),
        /** The in-process model is still being loaded after start-up. */
        LOADING("loading"),
        BREAKER_OPEN("breaker_open"),
        TIMEOUT("timeout"),
        RATE_LIMITED("rate_limited"),
        SERVER_ERROR("server_error"),
        CONNECTION_ERROR("connection_error"),
        REJECTED("rejected"),
        BAD_RESPONSE("bad_response");

        private final String tag;

        Reason(String tag) {
            this.tag = tag;
        }

        public String tag() {
            return tag;
        }
    }

    private final Reason reason;

    public EmbeddingUnavailableException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
