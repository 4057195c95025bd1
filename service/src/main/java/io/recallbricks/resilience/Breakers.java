package io.recallbricks.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.micrometer.tagged.TaggedCircuitBreakerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.recallbricks.web.DatabaseFailureHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

/**
 * The service's two circuit breakers: {@code database} around PostgreSQL and {@code openai} around the
 * embedding API.
 *
 * <p>Each opens when its last {@code threshold} calls all failed (a count window as long as the threshold), or all
 * were slower than the slow-call limit; it then refuses calls for the open period, lets a bounded number of trial
 * calls through (half-open) and closes when they succeed, or opens again when they fail. The database breaker counts
 * only failures that say the database is unavailable (connection refused or lost, statement cancelled by its
 * timeout, no pooled connection while the database has stopped answering): a constraint violation is the caller's
 * problem and proves the database is up, and a wait for a busy pool while calls keep completing is overload, which
 * the breaker ignores ({@link DatabaseProgress}).
 * Transitions are logged and counted ({@link BreakerMetrics}).
 */
@Singleton
public class Breakers {

    public static final String DATABASE = "database";
    public static final String OPENAI = "openai";

    private static final Logger LOG = LoggerFactory.getLogger(Breakers.class);
    static final int TRIAL_CALLS = 3;

    private final CircuitBreakerRegistry registry = CircuitBreakerRegistry.ofDefaults();
    private final CircuitBreaker database;
    private final CircuitBreaker openai;
    private final Duration openDuration;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Instant> openedAt = new ConcurrentHashMap<>();
    private final DatabaseProgress databaseProgress;

    public Breakers(BreakerSettings settings, MeterRegistry meters) {
        this.openDuration = Duration.ofSeconds(settings.openSeconds());
        // A database that answered within the slow-call limit is alive, however busy the pool.
        this.databaseProgress = new DatabaseProgress(settings.databaseSlowCallMs());
        this.database = create(DATABASE, settings.databaseFailureThreshold(),
                Duration.ofMillis(settings.databaseSlowCallMs()), DatabaseFailureHandler::isUnavailable,
                databaseProgress::isOverload, settings.enabled());
        this.openai = create(OPENAI, settings.openaiFailureThreshold(),
                Duration.ofMillis(settings.openaiSlowCallMs()), failure -> true, failure -> false, settings.enabled());
        TaggedCircuitBreakerMetrics.ofCircuitBreakerRegistry(registry).bindTo(meters);
    }

    public CircuitBreaker database() {
        return database;
    }

    /** When the database last answered a guarded call: the guard reports, the database breaker's rule reads. */
    public DatabaseProgress databaseProgress() {
        return databaseProgress;
    }

    public CircuitBreaker openai() {
        return openai;
    }

    public CircuitBreakerRegistry registry() {
        return registry;
    }

    public List<CircuitBreaker> all() {
        return List.of(database, openai);
    }

    public Optional<CircuitBreaker> named(String name) {
        return all().stream().filter(breaker -> breaker.getName().equals(name)).findFirst();
    }

    /**
     * How long a client refused by this breaker should wait: the rest of the open period, or one second while
     * the trial calls of the half-open state are under way.
     */
    public long retryAfterSeconds(CircuitBreaker breaker) {
        Instant opened = openedAt.get(breaker.getName());
        if (breaker.getState() != CircuitBreaker.State.OPEN || opened == null) {
            return 1;
        }
        Duration left = Duration.between(clock.instant(), opened.plus(openDuration));
        return Math.max(1, (left.toMillis() + 999) / 1000);
    }

    /**
     * Operator reset: back to closed with an empty window, whatever the state; a breaker switched off by
     * {@code CIRCUIT_BREAKER_ENABLED=false} stays off (a reset is not a deployment decision).
     */
    public void reset(CircuitBreaker breaker) {
        if (breaker.getState() == CircuitBreaker.State.DISABLED) {
            LOG.warn("Circuit breaker '{}' reset by an operator: it is disabled (CIRCUIT_BREAKER_ENABLED=false), nothing to do",
                    breaker.getName());
            return;
        }
        LOG.warn("Circuit breaker '{}' reset by an operator (was {})", breaker.getName(), breaker.getState());
        breaker.reset();
        openedAt.remove(breaker.getName());
    }

    private CircuitBreaker create(String name, int threshold, Duration slowCall, Predicate<Throwable> isFailure,
                                  Predicate<Throwable> isIgnored, boolean enabled) {
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(threshold)
                .minimumNumberOfCalls(threshold)
                .failureRateThreshold(100)
                .slowCallDurationThreshold(slowCall)
                .slowCallRateThreshold(100)
                .recordException(isFailure)
                .ignoreException(isIgnored)
                .waitDurationInOpenState(openDuration)
                .permittedNumberOfCallsInHalfOpenState(TRIAL_CALLS)
                .maxWaitDurationInHalfOpenState(Duration.ZERO) // stay half-open until the trial calls have answered
                .automaticTransitionFromOpenToHalfOpenEnabled(true)
                .build();
        CircuitBreaker breaker = registry.circuitBreaker(name, config);
        breaker.getEventPublisher().onStateTransition(event -> {
            if (event.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                openedAt.put(name, clock.instant());
            }
            LOG.warn("Circuit breaker '{}' {}", name, event.getStateTransition());
        });
        if (!enabled) {
            breaker.transitionToDisabledState();
        }
        return breaker;
    }
}
