package io.recallbricks.chaos.experiment.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recallbricks.chaos.experiment.ledger.Write;
import io.recallbricks.chaos.experiment.ledger.WriteLedger;
import io.recallbricks.chaos.experiment.stack.ServiceClient;

import java.net.ConnectException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * A steady open-model load: requests are sent at the set rates whatever the service does (a slow service gets more
 * requests in flight, not fewer requests), every answer is recorded, and every write goes through the ledger.
 * A request without an answer after the client timeout is recorded as {@code timeout}.
 */
public final class LoadGenerator implements AutoCloseable {

    private static final long TICK_MS = 10;

    private final ServiceClient client;
    private final Workload workload;
    private final Workload.Tenant writer;
    private final WriteLedger ledger;
    private final ResponseLog log;
    private final double readRps;
    private final double writeRps;
    private final Duration clientTimeout;
    private final Set<String> queriesSent;
    private final ObjectMapper json = ServiceClient.json();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "chaos-load");
        t.setDaemon(true);
        return t;
    });
    private final ConcurrentHashMap.KeySetView<CompletableFuture<?>, Boolean> inFlight = ConcurrentHashMap.newKeySet();
    private long startNanos;
    private long readsSent;
    private long writesSent;

    public LoadGenerator(ServiceClient client, Workload workload, Workload.Tenant writer, WriteLedger ledger,
                         ResponseLog log, double readRps, double writeRps, Duration clientTimeout,
                         Set<String> queriesSent) {
        this.client = client;
        this.workload = workload;
        this.writer = writer;
        this.ledger = ledger;
        this.log = log;
        this.readRps = readRps;
        this.writeRps = writeRps;
        this.clientTimeout = clientTimeout;
        this.queriesSent = queriesSent;
    }

    public void start() {
        startNanos = System.nanoTime();
        ticker.scheduleAtFixedRate(this::tick, 0, TICK_MS, TimeUnit.MILLISECONDS);
    }

    /** Arrivals are due at a constant rate since the start; each tick sends the ones that came due. */
    private void tick() {
        try {
            double elapsed = (System.nanoTime() - startNanos) / 1e9;
            while (readsSent < (long) (elapsed * readRps)) {
                readsSent++;
                send(Workload.nextRead());
            }
            while (writesSent < (long) (elapsed * writeRps)) {
                writesSent++;
                sendWrite();
            }
        } catch (RuntimeException e) {
            System.err.println("load: " + e); // keep ticking: one bad request must not stop the load
        }
    }

    private void send(Endpoint endpoint) {
        Workload.Tenant tenant = workload.tenant();
        String query = Workload.query();
        boolean fresh = endpoint.retrieval() && queriesSent.add(query);
        HttpRequest request = switch (endpoint) {
            case PREDICT -> get("/api/v1/memories/predict?limit=5&current_context="
                    + URLEncoder.encode(query, StandardCharsets.UTF_8) + recent(tenant), tenant);
            case SUGGEST -> post("/api/v1/memories/suggest",
                    json.createObjectNode().put("context", query).put("limit", 5), tenant.apiKey());
            case SEARCH -> post("/api/v1/memories/search",
                    json.createObjectNode().put("query", query).put("limit", 10), tenant.apiKey());
            case MAINTENANCE -> get("/api/v1/learning/maintenance-suggestions", tenant);
            case LEARNING_METRICS -> get("/api/v1/learning/metrics?days=7", tenant);
            case CREATE_MEMORY -> throw new IllegalArgumentException("writes go through sendWrite");
        };
        track(endpoint, request, null, fresh);
    }

    private void sendWrite() {
        Write write = ledger.next(System.currentTimeMillis());
        ObjectNode body = write.body(json);
        track(Endpoint.CREATE_MEMORY, post("/api/v1/memories", body, writer.apiKey()), write, false);
    }

    private void track(Endpoint endpoint, HttpRequest request, Write write, boolean freshQuery) {
        long start = System.currentTimeMillis();
        CompletableFuture<HttpResponse<String>> call = client.http().sendAsync(request, HttpResponse.BodyHandlers.ofString());
        inFlight.add(call);
        call.whenComplete((response, error) -> {
            inFlight.remove(call);
            long end = System.currentTimeMillis();
            ResponseRecord record = error == null ? answered(endpoint, start, end, response, freshQuery)
                    : new ResponseRecord(endpoint, start, end, 0, failureKind(error), false, null, null, freshQuery);
            log.add(record);
            if (write != null) {
                recordWrite(write, record, response, end);
            }
        });
    }

    private void recordWrite(Write write, ResponseRecord record, HttpResponse<String> response, long end) {
        if (record.status() >= 200 && record.status() < 300) {
            JsonNode memory = parse(response.body());
            ledger.acknowledged(write, memory.path("id").asText(null), memory.path("has_embedding").asBoolean(false),
                    record.status(), end);
        } else {
            ledger.notAcknowledged(write, record.outcomeKey(), end);
        }
    }

    private ResponseRecord answered(Endpoint endpoint, long start, long end, HttpResponse<String> response,
                                    boolean freshQuery) {
        JsonNode body = parse(response.body());
        String code = body.path("error").path("code").asText(null);
        String method = body.path("search_method").asText(null);
        return new ResponseRecord(endpoint, start, end, response.statusCode(), null,
                response.headers().firstValue("Retry-After").isPresent(), code, method, freshQuery);
    }

    private JsonNode parse(String body) {
        try {
            return body == null || body.isEmpty() ? json.missingNode() : json.readTree(body);
        } catch (Exception e) {
            return json.missingNode();
        }
    }

    private static String failureKind(Throwable error) {
        Throwable cause = error;
        while (cause.getCause() != null && !(cause instanceof HttpTimeoutException)) {
            cause = cause.getCause();
        }
        return cause instanceof HttpTimeoutException ? "timeout"
                : cause instanceof ConnectException ? "connection" : "connection";
    }

    private static String recent(Workload.Tenant tenant) {
        if (tenant.memoryIds().isEmpty()) {
            return "";
        }
        String id = tenant.memoryIds().get(ThreadLocalRandom.current().nextInt(tenant.memoryIds().size()));
        return "&recent_memories=" + id;
    }

    private HttpRequest get(String path, Workload.Tenant tenant) {
        return HttpRequest.newBuilder(client.uri(path)).timeout(clientTimeout).header("X-API-Key", tenant.apiKey())
                .GET().build();
    }

    private HttpRequest post(String path, JsonNode body, String apiKey) {
        return HttpRequest.newBuilder(client.uri(path)).timeout(clientTimeout).header("X-API-Key", apiKey)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }

    public int inFlight() {
        return inFlight.size();
    }

    /** Stops sending; waits for the answers still in flight (at most the client timeout, plus a second). */
    public void stop() throws InterruptedException {
        ticker.shutdownNow();
        ticker.awaitTermination(1, TimeUnit.SECONDS);
        long deadline = System.nanoTime() + clientTimeout.plusSeconds(1).toNanos();
        while (!inFlight.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }
}
