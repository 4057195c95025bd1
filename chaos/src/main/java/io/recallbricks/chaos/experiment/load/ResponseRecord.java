package io.recallbricks.chaos.experiment.load;

/**
 * One request of the load and what came back.
 *
 * @param status       the HTTP status, or 0 when no answer came ({@code failure} says why)
 * @param failure      {@code timeout} or {@code connection} when there was no answer, else null
 * @param retryAfter   the response carried a {@code Retry-After} header
 * @param errorCode    {@code error.code} of an error body, else null
 * @param searchMethod {@code search_method} of a retrieval answer, else null
 * @param freshQuery   a retrieval request whose query text the load had never sent before (the service cannot have
 *                     its embedding cached, so it needs the embedding API)
 */
public record ResponseRecord(Endpoint endpoint, long startMs, long endMs, int status, String failure,
                             boolean retryAfter, String errorCode, String searchMethod, boolean freshQuery) {

    public ResponseRecord(Endpoint endpoint, long startMs, long endMs, int status, String failure, boolean retryAfter,
                          String errorCode, String searchMethod) {
        this(endpoint, startMs, endMs, status, failure, retryAfter, errorCode, searchMethod, false);
    }

    public long latencyMs() {
        return endMs - startMs;
    }

    /** The status the call expects (429 and 503 are KO, as in the load suite). */
    public boolean ok() {
        return status == endpoint.expectedStatus();
    }

    /** The key of {@code byStatus}: the status, or {@code timeout}/{@code connection}. */
    public String outcomeKey() {
        return status > 0 ? Integer.toString(status) : failure;
    }

    /** 5xx or no answer at all: the service was not available to this request. */
    public boolean unavailable() {
        return status == 0 || status >= 500;
    }
}
