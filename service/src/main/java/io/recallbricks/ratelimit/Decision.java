package io.recallbricks.ratelimit;

/**
 * One tier's answer to one request. {@code resetSeconds} is what {@code X-RateLimit-Reset} carries: seconds (not a
 * timestamp) until the quota is back in full, or, when the request was refused, until a retry would be admitted,
 * which is how the Python SDK reads the header (it sleeps that many seconds before retrying a 429).
 */
public record Decision(Tier tier, boolean allowed, long limit, long remaining, long resetSeconds, long retryAfterSeconds) {

    /** Share of the quota left, to pick the limit that binds when several apply. */
    double headroom() {
        return limit == 0 ? 0 : (double) remaining / limit;
    }
}
