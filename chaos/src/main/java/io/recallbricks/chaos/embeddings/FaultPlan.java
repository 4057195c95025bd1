package io.recallbricks.chaos.embeddings;

import java.util.List;

/**
 * The faults the fake embedding API currently injects, as shares of the requests it receives. Immutable: a
 * change of faults replaces the whole plan, so one request never sees half of an update.
 *
 * <p>Each request draws one number in [0, 1) and falls into at most one fault, in this order: hang,
 * connection reset, 429, error status; the rest are answered normally. The shares therefore add up to at most
 * 1. {@code addedDelayMs} (the "slow" fault) is added to every response that is answered at all.
 *
 * @param errorRate          share of requests answered with one of {@code errorStatuses}
 * @param errorStatuses      the 5xx statuses to choose from, uniformly
 * @param rateLimitRate      share of requests answered 429 with {@code Retry-After}
 * @param retryAfterSeconds  the {@code Retry-After} value of those 429s
 * @param hangRate           share of requests never answered (until the client gives up)
 * @param resetRate          share of requests whose connection is reset instead of answered
 * @param addedDelayMs       fixed delay added to every answered request, on top of the modelled latency
 */
public record FaultPlan(double errorRate, List<Integer> errorStatuses, double rateLimitRate, int retryAfterSeconds,
                        double hangRate, double resetRate, int addedDelayMs) {

    public static final List<Integer> DEFAULT_ERROR_STATUSES = List.of(500);
    public static final int DEFAULT_RETRY_AFTER_SECONDS = 1;

    /** What happens to one request. */
    public enum Outcome { ANSWER, ERROR, RATE_LIMITED, HANG, RESET }

    public FaultPlan {
        requireShare("error rate", errorRate);
        requireShare("rate-limit rate", rateLimitRate);
        requireShare("hang rate", hangRate);
        requireShare("connection-reset rate", resetRate);
        errorStatuses = List.copyOf(errorStatuses);
        if (errorStatuses.isEmpty()) {
            throw new IllegalArgumentException("error statuses must not be empty");
        }
        for (int status : errorStatuses) {
            if (status < 500 || status > 599) {
                throw new IllegalArgumentException("error statuses must be 5xx, got " + status);
            }
        }
        if (retryAfterSeconds < 0) {
            throw new IllegalArgumentException("retryAfterSeconds must not be negative, was " + retryAfterSeconds);
        }
        if (addedDelayMs < 0) {
            throw new IllegalArgumentException("delayMs must not be negative, was " + addedDelayMs);
        }
        double total = errorRate + rateLimitRate + hangRate + resetRate;
        if (total > 1.0 + 1e-9) {
            throw new IllegalArgumentException(String.format(
                    "the fault rates add up to %.3f, more than 1 (error %.3f, rate-limit %.3f, hang %.3f, reset %.3f);"
                            + " lower one first", total, errorRate, rateLimitRate, hangRate, resetRate));
        }
    }

    /** No faults: every request answered normally. */
    public static FaultPlan healthy() {
        return new FaultPlan(0, DEFAULT_ERROR_STATUSES, 0, DEFAULT_RETRY_AFTER_SECONDS, 0, 0, 0);
    }

    public boolean isHealthy() {
        return errorRate == 0 && rateLimitRate == 0 && hangRate == 0 && resetRate == 0 && addedDelayMs == 0;
    }

    public FaultPlan withErrors(double rate, List<Integer> statuses) {
        return new FaultPlan(rate, statuses, rateLimitRate, retryAfterSeconds, hangRate, resetRate, addedDelayMs);
    }

    public FaultPlan withRateLimit(double rate, int retryAfter) {
        return new FaultPlan(errorRate, errorStatuses, rate, retryAfter, hangRate, resetRate, addedDelayMs);
    }

    public FaultPlan withHang(double rate) {
        return new FaultPlan(errorRate, errorStatuses, rateLimitRate, retryAfterSeconds, rate, resetRate, addedDelayMs);
    }

    public FaultPlan withConnectionReset(double rate) {
        return new FaultPlan(errorRate, errorStatuses, rateLimitRate, retryAfterSeconds, hangRate, rate, addedDelayMs);
    }

    public FaultPlan withAddedDelay(int delayMs) {
        return new FaultPlan(errorRate, errorStatuses, rateLimitRate, retryAfterSeconds, hangRate, resetRate, delayMs);
    }

    /** The outcome for a request that drew {@code uniform}, a number in [0, 1). */
    public Outcome outcomeFor(double uniform) {
        double bound = hangRate;
        if (uniform < bound) {
            return Outcome.HANG;
        }
        bound += resetRate;
        if (uniform < bound) {
            return Outcome.RESET;
        }
        bound += rateLimitRate;
        if (uniform < bound) {
            return Outcome.RATE_LIMITED;
        }
        bound += errorRate;
        if (uniform < bound) {
            return Outcome.ERROR;
        }
        return Outcome.ANSWER;
    }

    private static void requireShare(String name, double rate) {
        if (!(rate >= 0 && rate <= 1)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, was " + rate);
        }
    }
}
