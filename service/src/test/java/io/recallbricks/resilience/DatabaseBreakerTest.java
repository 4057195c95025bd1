package io.recallbricks.resilience;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.recallbricks.admin.UserRepository;
import io.recallbricks.testing.Api;
import io.recallbricks.testing.Api.Response;
import io.recallbricks.testing.FaultProxy;
import io.recallbricks.testing.TestDatabase;
import io.recallbricks.testing.TestService;
import io.recallbricks.testing.Waits;
import io.recallbricks.web.RetryableApiException;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The {@code database} breaker against a real PostgreSQL reached through a {@link FaultProxy}: it opens after
 * DB_FAILURE_THRESHOLD availability failures, refuses calls while open (503 DATABASE_UNAVAILABLE with Retry-After,
 * without asking the pool), lets trial calls through after the open period and closes; constraint violations never
 * count; an operator can reset it; and no acknowledged write is lost to a database fault.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseBreakerTest implements TestPropertyProvider {

    private static final int THRESHOLD = 3;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    UserRepository users;

    FaultProxy proxy;
    TestDatabase.Database database;
    Api api;
    Api.Tenant tenant;

    @Override
    public Map<String, String> getProperties() {
        database = TestDatabase.fresh();
        proxy = FaultProxy.to(database);
        Map<String, String> properties = new HashMap<>(TestService.properties(database.via(proxy.port()), Map.of(
                "DB_FAILURE_THRESHOLD", Integer.toString(THRESHOLD),
                "CIRCUIT_BREAKER_OPEN_SECONDS", "2",
                "DATABASE_CONNECTION_TIMEOUT_MS", "250",
                "DATABASE_STATEMENT_TIMEOUT_MS", "1000",
                "DATABASE_POOL_SIZE", "4",
                "RATE_LIMIT_ENABLED", "false")));
        properties.put("micronaut.http.client.read-timeout", "30s");
        return properties;
    }

    @BeforeAll
    void createTenant() {
        api = new Api(http);
        tenant = api.newTenant("breaker");
    }

    @AfterAll
    void closeProxy() throws IOException {
        proxy.close();
    }

    @BeforeEach
    void healthyDatabaseAndClosedBreaker() {
        proxy.pass();
        // The pool replaces the connections a previous fault broke as it finds them; wait until it has.
        Waits.until("the database to answer again", Duration.ofSeconds(30), () -> {
            resetBreaker();
            return listMemories().status() == 200 && listMemories().status() == 200;
        });
        resetBreaker();
    }

    private void resetBreaker() {
        Response reset = api.send(HttpRequest.POST("/api/v1/admin/circuit-breakers/database/reset", Map.of()),
                TestService.ADMIN_KEY);
        assertEquals(200, reset.status(), reset.toString());
        assertEquals("closed", reset.body().get("state"));
    }

    private Response listMemories() {
        return api.send(HttpRequest.GET("/api/v1/memories"), tenant.apiKey());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> databaseBreaker() {
        Map<String, Object> health = api.send(HttpRequest.GET("/health")).body();
        return (Map<String, Object>) ((Map<String, Object>) health.get("circuit_breakers")).get("database");
    }

    private Response tripBreaker() {
        proxy.refuse();
        for (int i = 0; i < THRESHOLD * 4; i++) {
            Response response = listMemories();
            assertEquals(503, response.status(), "an unreachable database is a 503, never a 500: " + response);
            assertEquals("DATABASE_UNAVAILABLE", response.errorCode());
            assertNotNull(response.raw().getHeaders().get("Retry-After"));
            if ("database".equals(((Map<?, ?>) response.error().getOrDefault("details", Map.of())).get("breaker"))) {
                return response;
            }
        }
        throw new AssertionError("the breaker never refused a call after " + THRESHOLD * 4 + " failures");
    }

    @Test
    void opensAfterTheThresholdAndRefusesCallsWithoutAskingThePool() {
        assertEquals(200, listMemories().status());
        double refusedBefore = api.metrics().valueOrZero("resilience4j_circuitbreaker_not_permitted_calls_total",
                Map.of("name", "database"));

        Response refused = tripBreaker();

        long retryAfter = Long.parseLong(refused.raw().getHeaders().get("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 2, "Retry-After is what is left of the 2 s open period: " + retryAfter);
        assertEquals("open", databaseBreaker().get("state"));
        assertEquals(2, databaseBreaker().get("state_value"));
        Response write = api.send(HttpRequest.POST("/api/v1/memories", Map.of("text", "not while the database is away")),
                tenant.apiKey());
        assertEquals(503, write.status(), "a write is refused, not acknowledged");
        assertEquals("DATABASE_UNAVAILABLE", write.errorCode());
        var metrics = api.metrics();
        assertEquals(2.0, metrics.value("circuit_breaker_state", Map.of("breaker_name", "database")).orElseThrow());
        assertTrue(metrics.valueOrZero("resilience4j_circuitbreaker_not_permitted_calls_total", Map.of("name", "database"))
                >= refusedBefore + 2, "the refused calls never reached the pool");
        assertEquals(503, api.send(HttpRequest.GET("/health/ready")).status());
        assertEquals(200, api.send(HttpRequest.GET("/health")).status(), "liveness does not depend on the database");
    }

    @Test
    void halfOpensAfterTheOpenPeriodAndClosesWhenTrialCallsSucceed() {
        tripBreaker();
        proxy.pass();

        Waits.until("the breaker to let trial calls through", Duration.ofSeconds(15),
                () -> !"open".equals(databaseBreaker().get("state")));
        assertEquals("half_open", databaseBreaker().get("state"));
        for (int i = 0; i < Breakers.TRIAL_CALLS; i++) {
            assertEquals(200, listMemories().status());
        }

        assertEquals("closed", databaseBreaker().get("state"));
        var metrics = api.metrics();
        assertEquals(0.0, metrics.value("circuit_breaker_state", Map.of("breaker_name", "database")).orElseThrow());
        assertTrue(metrics.valueOrZero("circuit_breaker_transitions_total",
                Map.of("breaker_name", "database", "from_state", "half_open", "to_state", "closed")) >= 1);
        assertTrue(metrics.valueOrZero("circuit_breaker_transitions_total",
                Map.of("breaker_name", "database", "from_state", "closed", "to_state", "open")) >= 1);
    }

    @Test
    void reopensWhenATrialCallFails() {
        tripBreaker();
        Waits.until("half-open", Duration.ofSeconds(15), () -> "half_open".equals(databaseBreaker().get("state")));

        for (int i = 0; i < Breakers.TRIAL_CALLS; i++) {
            listMemories();
        }

        assertEquals("open", databaseBreaker().get("state"));
    }

    @Test
    void anOperatorResetClosesTheBreakerAtOnce() {
        tripBreaker();
        proxy.pass();

        Response reset = api.send(HttpRequest.POST("/api/v1/admin/circuit-breakers/database/reset", Map.of()),
                TestService.ADMIN_KEY);

        assertEquals(200, reset.status());
        assertEquals("closed", reset.body().get("state"));
        assertEquals(200, listMemories().status());
        assertEquals(401, api.send(HttpRequest.POST("/api/v1/admin/circuit-breakers/database/reset", Map.of()),
                tenant.apiKey()).status(), "a tenant key is not the operator credential");
        assertEquals(404, api.send(HttpRequest.POST("/api/v1/admin/circuit-breakers/nope/reset", Map.of()),
                TestService.ADMIN_KEY).status());
    }

    @Test
    void constraintViolationsProveTheDatabaseIsUpAndNeverOpenTheBreaker() {
        Waits.until("the pool to reconnect", Duration.ofSeconds(15), () -> listMemories().status() == 200);
        String email = "taken-" + UUID.randomUUID() + "@example.com";
        users.insert("first", email, "free");
        for (int i = 0; i < THRESHOLD * 2; i++) {
            try {
                users.insert("duplicate", email, "free");
                throw new AssertionError("a duplicate email must violate the unique constraint");
            } catch (RetryableApiException unexpected) {
                throw new AssertionError("the database was up; expected a unique violation", unexpected);
            } catch (RuntimeException expected) {
                // The unique violation (SQLSTATE 23505).
            }
        }
        assertEquals(0, ((Number) databaseBreaker().get("failed_calls")).intValue());

        assertEquals("closed", databaseBreaker().get("state"));
        assertEquals(200, listMemories().status());
    }

    @Test
    void aHungDatabaseCannotHoldARequestForever() {
        assertEquals(200, listMemories().status());
        proxy.freeze();
        try {
            Response response = listMemories();
            assertEquals(503, response.status(), "the statement, socket and pool timeouts end the wait: " + response);
            assertEquals("DATABASE_UNAVAILABLE", response.errorCode());
        } finally {
            proxy.pass();
        }
    }

    @Test
    void noAcknowledgedWriteIsMissingAfterDatabaseFaults() throws Exception {
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicInteger refused = new AtomicInteger();
        ConcurrentLinkedQueue<String> unexpected = new ConcurrentLinkedQueue<>();
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int writer = w;
            running.add(writers.submit(() -> {
                // Bounded by time, not by count: refusals while the breaker is open take a millisecond each, and a
                // count ran out during the open periods, leaving no writer to wait for (the test's own flake).
                long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
                for (int i = 0; !stop.get() && System.nanoTime() < deadline; i++) {
                    Response created = api.send(HttpRequest.POST("/api/v1/memories",
                            Map.of("text", "write " + writer + "-" + i)), tenant.apiKey());
                    if (created.status() == 201) {
                        acknowledged.add((String) created.body().get("id"));
                    } else if (created.status() == 503) {
                        refused.incrementAndGet();
                    } else {
                        unexpected.add(created.toString());
                        return;
                    }
                }
            }));
        }
        try {
            // Faults while the writes are in flight: the database goes away and comes back, several times.
            for (int cycle = 0; cycle < 4; cycle++) {
                int before = acknowledged.size();
                Waits.until("writes to be acknowledged", Duration.ofSeconds(30),
                        () -> acknowledged.size() > before + 5 || !unexpected.isEmpty());
                proxy.refuse();
                TimeUnit.MILLISECONDS.sleep(100);
                proxy.pass();
            }
            int before = acknowledged.size();
            Waits.until("writes to be acknowledged after the last fault", Duration.ofSeconds(30),
                    () -> acknowledged.size() > before + 5 || !unexpected.isEmpty());
        } finally {
            proxy.pass();
            stop.set(true);
            writers.shutdown();
        }
        assertTrue(writers.awaitTermination(60, TimeUnit.SECONDS), "writers finished");
        for (Future<?> future : running) {
            future.get();
        }

        assertEquals(List.of(), List.copyOf(unexpected), "a write is either acknowledged (201) or refused (503)");
        assertTrue(acknowledged.size() > 0, "some writes were acknowledged");
        assertTrue(refused.get() > 0, "the faults refused some writes");
        try (Connection direct = database.connect();
             PreparedStatement query = direct.prepareStatement("SELECT count(*) FROM memories WHERE id = ANY(?)")) {
            query.setArray(1, direct.createArrayOf("uuid", acknowledged.stream().map(UUID::fromString).toArray()));
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                assertEquals(acknowledged.size(), rows.getInt(1), "every acknowledged write is in the database");
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }
}
