package io.recallbricks.resilience;

import com.zaxxer.hikari.HikariDataSource;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.recallbricks.testing.TestService;
import io.recallbricks.web.ErrorCode;
import io.recallbricks.web.RetryableApiException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A busy pool is not a dead database. When more calls want a connection than the pool has, some wait the whole
 * connection timeout and fail; while the other calls keep completing, the {@code database} breaker must stay closed
 * (the service is over capacity, not cut off). When the connections are held by calls that never return, the same
 * timeouts are the first sign of a hung database, and the breaker must open.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BusyPoolTest implements TestPropertyProvider {

    private static final int THRESHOLD = 3;
    private static final int POOL = 2;
    private static final long SLOW_CALL_MS = 1000;

    @Inject
    SleepingQuery query;

    @Inject
    Breakers breakers;

    @Inject
    DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestService.properties(Map.of(
                "DATABASE_POOL_SIZE", Integer.toString(POOL),
                "DATABASE_CONNECTION_TIMEOUT_MS", "250",
                "DB_FAILURE_THRESHOLD", Integer.toString(THRESHOLD),
                "DB_SLOW_CALL_MS", Long.toString(SLOW_CALL_MS))));
        properties.put("recallbricks.test.sleeping-query", "true");
        return properties;
    }

    @AfterEach
    void closeBreaker() {
        breakers.reset(breakers.database());
    }

    @Test
    void waitsForABusyPoolWhileCallsCompleteDoNotOpenTheBreaker() throws Exception {
        // Twenty calls of 100 ms at once on two connections: two finish every 100 ms, so those still waiting at
        // 250 ms time out while the database answers all along.
        List<Throwable> failures = runAtOnce(20, 100);

        // Each answered 503 DATABASE_UNAVAILABLE (the client should retry), more of them in a row than the threshold.
        assertTrue(failures.size() > THRESHOLD, "the pool was not busy enough to test anything: " + failures);
        assertTrue(failures.stream().allMatch(BusyPoolTest::databaseUnavailable), failures.toString());
        assertEquals(CircuitBreaker.State.CLOSED, breakers.database().getState());
    }

    @Test
    void waitsForAPoolHeldByCallsThatNeverReturnOpenTheBreaker() throws Exception {
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        try (Connection first = pool.getConnection(); Connection second = pool.getConnection()) {
            Thread.sleep(SLOW_CALL_MS + 200); // nothing has completed for longer than the slow-call limit
            List<Throwable> failures = runAtOnce(THRESHOLD, 0);

            assertEquals(THRESHOLD, failures.size(), "every call should have waited in vain: " + failures);
            assertTrue(failures.stream().allMatch(BusyPoolTest::databaseUnavailable), failures.toString());
        }
        assertEquals(CircuitBreaker.State.OPEN, breakers.database().getState());
    }

    private static boolean databaseUnavailable(Throwable failure) {
        return failure instanceof RetryableApiException refusal && refusal.code() == ErrorCode.DATABASE_UNAVAILABLE;
    }

    /** Runs {@code calls} sleeping queries at once; returns how the failed ones failed. */
    private List<Throwable> runAtOnce(int calls, long sleepMillis) throws Exception {
        ExecutorService callers = Executors.newFixedThreadPool(calls);
        try {
            List<Future<?>> results = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                results.add(callers.submit(() -> {
                    query.sleep(sleepMillis);
                    return null;
                }));
            }
            List<Throwable> failures = new ArrayList<>();
            for (Future<?> result : results) {
                try {
                    result.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add(e.getCause());
                }
            }
            return failures;
        } finally {
            callers.shutdownNow();
        }
    }
}
