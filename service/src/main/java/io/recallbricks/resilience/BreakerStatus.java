package io.recallbricks.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** What an operator needs to know about one breaker ({@code /health}, the admin API). */
@Serdeable(naming = SnakeCaseStrategy.class)
public record BreakerStatus(String name, String state, int stateValue, float failureRatePercent,
                            float slowCallRatePercent, int bufferedCalls, int failedCalls, int slowCalls,
                            long notPermittedCalls, Long retryAfterSeconds) {

    static BreakerStatus of(CircuitBreaker breaker, Breakers breakers) {
        CircuitBreaker.Metrics metrics = breaker.getMetrics();
        boolean open = breaker.getState() == CircuitBreaker.State.OPEN;
        return new BreakerStatus(breaker.getName(), BreakerMetrics.stateName(breaker.getState()),
                (int) BreakerMetrics.stateValue(breaker),
                // resilience4j reports -1 until the window has its minimum number of calls.
                Math.max(0, metrics.getFailureRate()), Math.max(0, metrics.getSlowCallRate()),
                metrics.getNumberOfBufferedCalls(), metrics.getNumberOfFailedCalls(), metrics.getNumberOfSlowCalls(),
                metrics.getNumberOfNotPermittedCalls(), open ? breakers.retryAfterSeconds(breaker) : null);
    }
}
