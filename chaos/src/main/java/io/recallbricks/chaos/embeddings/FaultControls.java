package io.recallbricks.chaos.embeddings;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Switches the fake embedding API's faults at runtime, and reads its counters. The same object backs the Java
 * API ({@link FakeEmbeddingApi#faults()}) and the admin HTTP API ({@code /__admin/faults}), so both always
 * agree. Every method takes effect for the next request; none waits for requests in flight.
 */
public final class FaultControls {

    private final AtomicReference<FaultPlan> plan = new AtomicReference<>(FaultPlan.healthy());
    private final RequestCounters counters = new RequestCounters();

    /** Answer {@code rate} of the requests with one of {@code statuses} (5xx, chosen uniformly). */
    public FaultPlan errors(double rate, List<Integer> statuses) {
        return plan.updateAndGet(p -> p.withErrors(rate, statuses));
    }

    /** Answer {@code rate} of the requests with 429 and {@code Retry-After: retryAfterSeconds}. */
    public FaultPlan rateLimit(double rate, int retryAfterSeconds) {
        return plan.updateAndGet(p -> p.withRateLimit(rate, retryAfterSeconds));
    }

    /** Never answer {@code rate} of the requests: the client waits until its own timeout. */
    public FaultPlan hang(double rate) {
        return plan.updateAndGet(p -> p.withHang(rate));
    }

    /** Reset the connection (TCP RST) of {@code rate} of the requests instead of answering them. */
    public FaultPlan connectionReset(double rate) {
        return plan.updateAndGet(p -> p.withConnectionReset(rate));
    }

    /** Add a fixed {@code delayMs} to every answered request, on top of the configured latency; 0 removes it. */
    public FaultPlan slow(int delayMs) {
        return plan.updateAndGet(p -> p.withAddedDelay(delayMs));
    }

    /** Remove every fault. Requests already held by a hang stay held; new ones are answered normally. */
    public FaultPlan healthy() {
        FaultPlan healthy = FaultPlan.healthy();
        plan.set(healthy);
        return healthy;
    }

    public FaultPlan plan() {
        return plan.get();
    }

    public RequestCounts counters() {
        return counters.snapshot();
    }

    public void resetCounters() {
        counters.reset();
    }

    /** Decides, and counts, what happens to the next request. */
    FaultPlan.Outcome nextOutcome(FaultPlan current) {
        counters.received();
        FaultPlan.Outcome outcome = current.outcomeFor(ThreadLocalRandom.current().nextDouble());
        if (outcome != FaultPlan.Outcome.ANSWER) {
            counters.faulted(outcome);
        }
        return outcome;
    }

    int chooseErrorStatus(FaultPlan current) {
        List<Integer> statuses = current.errorStatuses();
        return statuses.get(ThreadLocalRandom.current().nextInt(statuses.size()));
    }

    RequestCounters counting() {
        return counters;
    }
}
