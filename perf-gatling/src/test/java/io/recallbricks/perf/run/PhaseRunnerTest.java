package io.recallbricks.perf.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.recallbricks.perf.config.ConfigResolver;
import io.recallbricks.perf.config.LoadStep;
import io.recallbricks.perf.config.PhaseSpec;
import io.recallbricks.perf.config.SuiteConfig;
import io.recallbricks.perf.dataset.Corpus;
import io.recallbricks.perf.dataset.Dataset;
import io.recallbricks.perf.dataset.QuerySampler;
import io.recallbricks.perf.dataset.Tenant;
import io.recallbricks.perf.server.CpuBudget;
import io.recallbricks.perf.workload.SlaPhaseSimulation;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One real phase through Gatling against a small HTTP server that answers like the service (and refuses
 * suggest with 503): every arrival ends in the histogram log and the outcomes, with its endpoint and status.
 */
class PhaseRunnerTest {

    @TempDir
    Path runs;

    private HttpServer server;
    private final Map<String, AtomicInteger> callsByRoute = new ConcurrentHashMap<>();
    private final Set<String> keysSeen = ConcurrentHashMap.newKeySet();

    @BeforeEach
    void startFakeService() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", this::answer);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange x) throws IOException {
        String path = x.getRequestURI().getPath();
        String route = x.getRequestMethod() + " " + path.replaceAll("/memories/m-[0-9]+", "/memories/{id}");
        callsByRoute.computeIfAbsent(route, r -> new AtomicInteger()).incrementAndGet();
        keysSeen.add(String.valueOf(x.getRequestHeaders().getFirst("X-API-Key")));
        x.getRequestBody().readAllBytes();
        int status = switch (route) {
            case "POST /api/v1/memories" -> 201;
            case "POST /api/v1/memories/suggest" -> 503;
            default -> 200;
        };
        byte[] body = (status == 201 ? "{\"id\":\"m-" + System.nanoTime() + "\"}" : "{}")
                .getBytes(StandardCharsets.UTF_8);
        x.getResponseHeaders().set("Content-Type", "application/json");
        x.sendResponseHeaders(status, body.length);
        x.getResponseBody().write(body);
        x.close();
    }

    @Test
    void everyArrivalIsRecordedWithItsEndpointAndStatus() throws Exception {
        SuiteConfig config = ConfigResolver.resolve(List.of("--write-share=0.3", "--progress-interval=1s"), Map.of());
        RunFolder folder = RunFolder.create(runs, "test", "local", LocalDateTime.now());
        Tenant a = new Tenant("a", "key-a");
        Tenant b = new Tenant("b", "key-b");
        for (int i = 0; i < 5; i++) {
            a.addMemory("m-" + i);
            b.addMemory("m-" + (100 + i));
        }
        Corpus corpus = new Corpus(1);
        Dataset dataset = new Dataset(List.of(a, b), new QuerySampler(corpus.queries(200), 1.0, 1), corpus);
        String baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
        PhaseSpec phase = PhaseSpec.judged("baseline", new LoadStep(60, Duration.ofSeconds(3)));

        PhaseResult r = new PhaseRunner(config, folder, baseUrl, dataset, Optional.empty(),
                CpuBudget.of(Optional.empty(), Optional.empty(), Optional.empty()))
                .run(phase, SlaPhaseSimulation.class);

        int served = callsByRoute.values().stream().mapToInt(AtomicInteger::get).sum();
        assertEquals(served, r.requests(), "one recorded outcome per request the server saw");
        assertTrue(served >= 150 && served <= 200, "about 60/s for 3 s, got " + served);
        assertEquals(Set.of("key-a", "key-b"), keysSeen, "calls carry the tenants' own keys");
        assertTrue(callsByRoute.containsKey("GET /api/v1/memories/predict"), callsByRoute.keySet().toString());
        assertTrue(callsByRoute.containsKey("PUT /api/v1/memories/{id}"), callsByRoute.keySet().toString());
        assertTrue(callsByRoute.containsKey("POST /api/v1/memories/{id}/feedback"), callsByRoute.keySet().toString());

        Path phaseDir = folder.phaseDir("baseline");
        JsonNode outcomes = new ObjectMapper().readTree(phaseDir.resolve("outcomes-local.json").toFile());
        int suggest = callsByRoute.get("POST /api/v1/memories/suggest").get();
        assertEquals(suggest, outcomes.at("/suggest/ko").asInt(), "a 503 is a KO");
        assertEquals(suggest, outcomes.at("/suggest/byStatus/503").asInt());
        assertEquals(0, outcomes.at("/predict/ko").asInt());
        assertEquals(callsByRoute.get("POST /api/v1/memories").get(), outcomes.at("/create_memory/byStatus/201").asInt());
        assertEquals((double) suggest / served, r.errorRate(), 1e-9);
        assertTrue(a.memoryCount() + b.memoryCount() > 10, "created memories join the tenants' pools");

        Map<String, Long> logged = new HashMap<>();
        HistogramLogReader reader = new HistogramLogReader(phaseDir.resolve("latency-local.hlog").toFile());
        for (EncodableHistogram h; (h = reader.nextIntervalHistogram()) != null; ) {
            logged.merge(h.getTag(), ((org.HdrHistogram.Histogram) h).getTotalCount(), Long::sum);
        }
        assertEquals(served, logged.values().stream().mapToLong(Long::longValue).sum());
        assertEquals(suggest, logged.get("suggest"), "KOs are in the latency log too");
        assertTrue(Files.isRegularFile(folder.gatlingDir().resolve("baseline/index.html")), "Gatling's report is kept");
    }
}
