package io.recallbricks.embedding;

import java.time.Duration;

/**
 * How much one embedding call may spend: attempts (1 + retries) and total time, retries and Retry-After waits
 * included. A read has little (its answer falls back to keywords), the background job has more.
 */
public record CallBudget(int maxAttempts, Duration total) {

    public CallBudget {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }
}
