package io.recallbricks.health;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.recallbricks.observability.OperatorAccess;
import io.recallbricks.resilience.BreakerMetrics;
import io.recallbricks.resilience.Breakers;

import java.time.Instant;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Liveness and readiness. Public, and free of tenant data. {@code /health} keeps the original's shape;
 * {@code /api/v1/health} answers the Python SDK's probe; readiness includes the database. To anyone the answer says
 * only up/ready; the detail (breaker states, degradation, rate limits, the database check) goes only to callers that
 * may read {@code /metrics} ({@link OperatorAccess}): it tells an attacker when the service is weakest.
 */
@Controller
public class HealthController {

    static final String SERVICE = "recallbricks-api";
    static final String VERSION = "2.0.0";

    private final DatabaseProbe database;
    private final List<HealthContributor> contributors;
    private final Breakers breakers;
    private final OperatorAccess operatorAccess;

    public HealthController(DatabaseProbe database, List<HealthContributor> contributors, Breakers breakers,
                            OperatorAccess operatorAccess) {
        this.database = database;
        this.contributors = contributors;
        this.breakers = breakers;
        this.operatorAccess = operatorAccess;
    }

    /** Liveness, with the in-memory state of breakers, degradation and rate limits (no dependency is asked). */
    @Get(uris = {"/health", "/health/live", "/health/liveness"})
    public Map<String, Object> live(HttpRequest<?> request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "ok");
        body.put("service", SERVICE);
        body.put("version", VERSION);
        body.put("timestamp", Instant.now());
        if (operatorAccess.permits(request)) {
            contributors.forEach(contributor -> body.put(contributor.name(), contributor.snapshot()));
        }
        return body;
    }

    @Get("/api/v1/health")
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<Map<String, Object>> sdkHealth() {
        DatabaseProbe.Result db = probeDatabase();
        Map<String, Object> body = Map.of("status", db.up() ? "healthy" : "unhealthy", "service", SERVICE,
                "version", VERSION, "timestamp", Instant.now());
        return HttpResponse.status(db.up() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(body);
    }

    @Get(uris = {"/health/ready", "/health/readiness"})
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<Map<String, Object>> ready(HttpRequest<?> request) {
        DatabaseProbe.Result db = probeDatabase();
        // Ready means the database answers and its breaker lets calls through, as the original intended.
        boolean breakerOpen = breakers.database().getState() == CircuitBreaker.State.OPEN;
        boolean ready = db.up() && !breakerOpen;
        Map<String, Object> databaseCheck = new LinkedHashMap<>();
        databaseCheck.put("status", db.up() ? "healthy" : "unhealthy");
        databaseCheck.put("latency_ms", db.latencyMillis());
        if (db.error() != null) {
            databaseCheck.put("error", db.error());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", ready ? "ready" : "not_ready");
        body.put("timestamp", Instant.now());
        body.put("version", VERSION);
        if (!operatorAccess.permits(request)) {
            return HttpResponse.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(body);
        }
        body.put("checks", Map.of("database", databaseCheck,
                "circuitBreaker", Map.of("state", BreakerMetrics.stateName(breakers.database().getState()),
                        "failures", breakers.database().getMetrics().getNumberOfFailedCalls())));
        return HttpResponse.status(ready ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(body);
    }

    // The probe's own try cannot see a failure to get a connection, which happens before its body runs.
    private DatabaseProbe.Result probeDatabase() {
        try {
            return database.check();
        } catch (RuntimeException e) {
            return new DatabaseProbe.Result(false, 0, "database unreachable");
        }
    }
}
