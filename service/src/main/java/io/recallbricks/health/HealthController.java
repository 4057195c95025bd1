package io.recallbricks.health;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.recallbricks.embedding.Embedder;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Liveness and readiness. Public, and free of tenant data. {@code /health} keeps the original's shape;
 * {@code /api/v1/health} answers the Python SDK's probe; readiness includes the database.
 */
@Controller
public class HealthController {

    static final String SERVICE = "recallbricks-api";
    static final String VERSION = "2.0.0";

    private final DatabaseProbe database;
    private final Embedder embedder;

    public HealthController(DatabaseProbe database, Embedder embedder) {
        this.database = database;
        this.embedder = embedder;
    }

    /** Liveness; {@code embeddings} says keyword-only, ok, or the state of the 'openai' breaker. */
    @Get(uris = {"/health", "/health/live", "/health/liveness"})
    public Map<String, Object> live() {
        return Map.of("status", "ok", "service", SERVICE, "version", VERSION, "timestamp", Instant.now(),
                "embeddings", embedder.status());
    }

    @Get("/api/v1/health")
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<Map<String, Object>> sdkHealth() {
        DatabaseProbe.Result db = database.check();
        Map<String, Object> body = Map.of("status", db.up() ? "healthy" : "unhealthy", "service", SERVICE,
                "version", VERSION, "timestamp", Instant.now());
        return HttpResponse.status(db.up() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(body);
    }

    @Get(uris = {"/health/ready", "/health/readiness"})
    @ExecuteOn(TaskExecutors.BLOCKING)
    public HttpResponse<Map<String, Object>> ready() {
        DatabaseProbe.Result db = database.check();
        Map<String, Object> databaseCheck = new LinkedHashMap<>();
        databaseCheck.put("status", db.up() ? "healthy" : "unhealthy");
        databaseCheck.put("latency_ms", db.latencyMillis());
        if (db.error() != null) {
            databaseCheck.put("error", db.error());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", db.up() ? "ready" : "not_ready");
        body.put("timestamp", Instant.now());
        body.put("version", VERSION);
        body.put("checks", Map.of("database", databaseCheck));
        return HttpResponse.status(db.up() ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).body(body);
    }
}
