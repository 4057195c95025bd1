package io.recallbricks.chaos.embeddings;

/**
 * What the fake embedding API did with the {@code /v1/embeddings} requests it received, at one moment.
 *
 * @param received    embeddings requests received (with an API key)
 * @param served      answered 200 with vectors
 * @param rejected    answered 400 for bad input
 * @param errors      answered with an injected 5xx
 * @param rateLimited answered with an injected 429
 * @param hung        held without an answer
 * @param reset       connection reset instead of an answer
 */
public record RequestCounts(long received, long served, long rejected, long errors, long rateLimited, long hung,
                            long reset) {

    /** Requests that met an injected fault. */
    public long faulted() {
        return errors + rateLimited + hung + reset;
    }
}
