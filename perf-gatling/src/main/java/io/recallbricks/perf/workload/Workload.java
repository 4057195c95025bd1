package io.recallbricks.perf.workload;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Choice;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import io.recallbricks.perf.dataset.Dataset;
import io.recallbricks.perf.dataset.MemoryDraft;
import io.recallbricks.perf.dataset.Tenant;
import io.recallbricks.perf.record.Outcomes;
import io.recallbricks.perf.record.PhaseRecorder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The RecallBricks workload: AI agents of many tenants, each arrival one call, chosen with the original load
 * test's mix (predict 40%, suggest 30%, search 20%, maintenance 5%, learning metrics 5% of the reads) plus a
 * share of writes. Every call is timed around the request and recorded into the phase's HDR histograms.
 */
final class Workload {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STARTED = "startedNanos";
    private static final String STATUS = "httpStatus";
    private static final String CREATED_ID = "createdId";

    private Workload() {
    }

    static HttpProtocolBuilder protocol(LoadContext.Phase phase) {
        return http.baseUrl(phase.baseUrl())
                .acceptHeader("application/json")
                .userAgentHeader("recallbricks-load-suite")
                .disableWarmUp()
                .disableCaching()
                // Agents are long-lived clients with keep-alive pools, not a new TCP connection per call.
                .shareConnections();
    }

    static ScenarioBuilder agents(LoadContext.Phase phase) {
        Recording rec = new Recording(phase.recorder(), phase.requestTimeout().toNanos());
        return scenario("agents calling RecallBricks")
                .exec(session -> drawArrival(session, phase))
                .exec(randomSwitch().on(mix(phase.writeShare(), rec, phase.dataset())));
    }

    /** One arrival: which tenant calls, about what. */
    private static Session drawArrival(Session session, LoadContext.Phase phase) {
        phase.recorder().arrival();
        Tenant tenant = phase.dataset().anyTenant();
        ThreadLocalRandom r = ThreadLocalRandom.current();
        return session.setAll(Map.of(
                "tenant", tenant,
                "apiKey", tenant.apiKey(),
                "query", phase.dataset().nextQuery(),
                "memoryId", String.valueOf(tenant.anyMemory()),
                "recentMemories", String.join(",", tenant.recentMemories()),
                "days", List.of(7, 30, 90).get(r.nextInt(3))));
    }

    private static List<Choice.WithWeight> mix(double writeShare, Recording rec, Dataset dataset) {
        List<Choice.WithWeight> choices = new ArrayList<>();
        for (Endpoint e : Endpoint.values()) {
            double pct = Math.round(e.percentOfArrivals(writeShare) * 1000) / 1000.0;
            if (pct > 0) choices.add(percent(pct).then(rec.timed(e, request(e, dataset))));
        }
        return choices;
    }

    private static HttpRequestActionBuilder request(Endpoint e, Dataset dataset) {
        return switch (e) {
            case PREDICT -> http(e.tag).get("/api/v1/memories/predict")
                    .queryParam("current_context", "#{query}")
                    .queryParam("recent_memories", "#{recentMemories}")
                    .queryParam("limit", 10);
            case SUGGEST -> http(e.tag).post("/api/v1/memories/suggest").body(json(s -> Map.of(
                    "context", s.getString("query"), "limit", 5, "min_confidence", 0.6,
                    "include_reasoning", ThreadLocalRandom.current().nextBoolean()))).asJson();
            case SEARCH -> http(e.tag).post("/api/v1/memories/search").body(json(s -> Map.of(
                    "query", s.getString("query"), "limit", 10, "weight_by_usage", true,
                    "decay_old_memories", ThreadLocalRandom.current().nextBoolean(), "learning_mode", false))).asJson();
            case MAINTENANCE -> http(e.tag).get("/api/v1/learning/maintenance-suggestions");
            case LEARNING_METRICS -> http(e.tag).get("/api/v1/learning/metrics").queryParam("days", "#{days}");
            case CREATE_MEMORY -> http(e.tag).post("/api/v1/memories")
                    .body(json(s -> newMemory(dataset).body())).asJson()
                    .check(jsonPath("$.id").optional().saveAs(CREATED_ID));
            case UPDATE_MEMORY -> http(e.tag).put("/api/v1/memories/#{memoryId}").body(json(s -> {
                MemoryDraft d = newMemory(dataset);
                return Map.of("text", d.text(), "tags", d.tags());
            })).asJson();
            case FEEDBACK -> http(e.tag).post("/api/v1/memories/#{memoryId}/feedback").body(json(s -> Map.of(
                    "helpful", ThreadLocalRandom.current().nextInt(4) > 0, "context", s.getString("query"),
                    "user_satisfaction", Math.round(ThreadLocalRandom.current().nextDouble(0.1, 1.0) * 100) / 100.0)))
                    .asJson();
        };
    }

    private static MemoryDraft newMemory(Dataset dataset) {
        return dataset.newMemory(ThreadLocalRandom.current().nextInt(1000));
    }

    private static io.gatling.javaapi.core.Body.WithString json(java.util.function.Function<Session, Object> body) {
        return StringBody(s -> {
            try {
                return JSON.writeValueAsString(body.apply(s));
            } catch (JsonProcessingException ex) {
                throw new IllegalStateException("cannot serialise a request body", ex);
            }
        });
    }

    /** Times each call from just before Gatling sends it to just after its checks ran, in microseconds. */
    private record Recording(PhaseRecorder recorder, long timeoutNanos) {

        ChainBuilder timed(Endpoint e, HttpRequestActionBuilder request) {
            return exec(s -> s.set(STARTED, System.nanoTime()))
                    // saveAs first: a failing status check must not hide the status it saw
                    .exec(request.check(status().saveAs(STATUS), status().is(e.expectedStatus))
                            .header("X-API-Key", "#{apiKey}"))
                    .exec(s -> record(e, s));
        }

        private Session record(Endpoint e, Session s) {
            long elapsedNanos = System.nanoTime() - s.getLong(STARTED);
            String status;
            if (s.contains(STATUS)) {
                status = Integer.toString(s.getInt(STATUS));
            } else {
                // No response: a timeout if the client waited its whole timeout, else the connection failed.
                status = elapsedNanos >= timeoutNanos * 0.98 ? Outcomes.TIMEOUT : Outcomes.CONNECTION;
            }
            boolean ok = !s.isFailed() && status.equals(Integer.toString(e.expectedStatus));
            recorder.record(e, elapsedNanos / 1_000, status, ok);
            if (e == Endpoint.CREATE_MEMORY && ok && s.contains(CREATED_ID)) {
                s.<Tenant>get("tenant").addMemory(s.getString(CREATED_ID));
            }
            return s.removeAll(STATUS, STARTED, CREATED_ID).markAsSucceeded();
        }
    }
}
