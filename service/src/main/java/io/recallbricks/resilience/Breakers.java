package io.recallbricks.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;

/**
 * The service's two circuit breakers: {@code database} around PostgreSQL and {@code openai} around the
 * embedding API. Each opens after its threshold of consecutive failures (a count window as long as the threshold,
 * all of it failed), refuses calls for the open period, then lets a few trial calls through (half-open) and closes
 * when they succeed. Transitions are logged; state and calls are exported to Micrometer by resilience4j.
 */
@Singleton
public class Breakers {

    public static final String DATABASE = "database";
    public static final String OPENAI = "openai";

    private static final Logger LOG = LoggerFactory.getLogger(Breakers.class);
    private static final int TRIAL_CALLS = 3;

    private final CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
    private final CircuitBreaker database;
    private final CircuitBreaker openai;

    public Breakers(BreakerSettings settings, MeterRegistry meters) {
        Duration open = Duration.ofSeconds(settings.openSeconds());
        this.database = create(DATABASE, settings.databaseFailureThreshold(), open, settings.enabled());
        this.openai = create(OPENAI, settings.openaiFailureThreshold(), open, settings.enabled());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
    }

    public CircuitBreaker database() {
        return database;
    }

    public CircuitBreaker openai() {
        return openai;
    }

    public CircuitBreakerRegistry registry() {
        return registry;
    }

    private CircuitBreaker create(String name, int threshold, Duration open, boolean enabled) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(threshold)
                .minimumNumberOfCalls(threshold)
                .failureRateThreshold(100)
                .waitDurationInOpenState(open)
                .permittedNumberOfCallsInHalfOpenState(TRIAL_CALLS)
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .build();
        CircuitBreaker breaker = registry.circuitBreaker(name, config);
        breaker.getEventPublisher().onStateTransition(event ->
                LOG.warn("Circuit breaker '{}' {}", name, event.getStateTransition()));
        if (!enabled) {
            breaker.transitionToDisabledState();
        }
        return breaker;
    }
}
