package io.recallbricks.web;

import java.util.Map;

/** A temporary refusal (503, 429) that tells the client when to come back, as {@code Retry-After} seconds. */
public class RetryableApiException extends ApiException {

    private final long retryAfterSeconds;

    public RetryableApiException(ErrorCode code, String message, long retryAfterSeconds, Map<String, Object> details) {
        super(code, message, details);
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
