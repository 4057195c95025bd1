package io.recallbricks.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;

/**
 * The breaker metrics under the deployment guide's names: {@code circuit_breaker_state{breaker_name}} (0 closed,
 * 1 half-open, 2 open; a disabled breaker reads closed) and {@code circuit_breaker_transitions_total{breaker_name,
 * from_state, to_state}}. resilience4j's own {@code resilience4j_circuitbreaker_*} meters are exported beside them.
 */
@Context
public class BreakerMetrics {

    public BreakerMetrics(Breakers breakers, MeterRegistry registry) {
        for (CircuitBreaker breaker : breakers.all()) {
            Gauge.builder("circuit.breaker.state", breaker, BreakerMetrics::stateValue)
                    .description("Circuit breaker state: 0 closed, 1 half-open, 2 open")
                    .tag("breaker_name", breaker.getName())
                    .register(registry);
            breaker.getEventPublisher().onStateTransition(event -> Counter.builder("circuit.breaker.transitions")
                    .description("Circuit breaker state transitions")
                    .tag("breaker_name", breaker.getName())
                    .tag("from_state", stateName(event.getStateTransition().getFromState()))
                    .tag("to_state", stateName(event.getStateTransition().getToState()))
                    .register(registry)
                    .increment());
        }
    }

    public static double stateValue(CircuitBreaker breaker) {
        return switch (breaker.getState()) {
            case OPEN, FORCED_OPEN -> 2;
            case HALF_OPEN -> 1;
            default -> 0;
        };
    }

    public static String stateName(CircuitBreaker.State state) {
        return switch (state) {
            case HALF_OPEN -> "half_open";
            case FORCED_OPEN -> "open";
            default -> state.name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
