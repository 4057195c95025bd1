package io.recallbricks.chaos.embeddings;

import java.util.concurrent.atomic.LongAdder;

/**
 * Counts what the fake did with the {@code /v1/embeddings} requests it received, so that tests and experiments
 * can check, for instance, that a client retried a 429 or stopped calling while its breaker was open.
 * Requests refused for a missing API key never reach the embeddings handler and are not counted.
 */
final class RequestCounters {

    private final LongAdder received = new LongAdder();
    private final LongAdder served = new LongAdder();
    private final LongAdder rejected = new LongAdder();
    private final LongAdder errors = new LongAdder();
    private final LongAdder rateLimited = new LongAdder();
    private final LongAdder hung = new LongAdder();
    private final LongAdder reset = new LongAdder();

    void received() {
        received.increment();
    }

    void served() {
        served.increment();
    }

    void rejected() {
        rejected.increment();
    }

    void faulted(FaultPlan.Outcome outcome) {
        switch (outcome) {
            case ERROR -> errors.increment();
            case RATE_LIMITED -> rateLimited.increment();
            case HANG -> hung.increment();
            case RESET -> reset.increment();
            case ANSWER -> throw new IllegalArgumentException("an answer is not a fault");
        }
    }

    RequestCounts snapshot() {
        return new RequestCounts(received.sum(), served.sum(), rejected.sum(), errors.sum(), rateLimited.sum(),
                hung.sum(), reset.sum());
    }

    void reset() {
        for (LongAdder adder : new LongAdder[] {received, served, rejected, errors, rateLimited, hung, reset}) {
            adder.reset();
        }
    }
}
