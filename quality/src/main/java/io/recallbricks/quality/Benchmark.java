package io.recallbricks.quality;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * One configuration measured: the service started with the configuration's environment, the corpus stored in a
 * fresh tenant through {@code POST /api/v1/memories}, then every question asked through search, predict and suggest
 * (10 answers each). Each configuration starts from the same state, so runs are repeatable.
 */
public final class Benchmark {

    static final int ANSWERS = 10;
    static final List<String> ENDPOINTS = List.of("search", "predict", "suggest");

    /** What is measured: the embedding provider, the retrieval method and the service environment that selects them. */
    public record Config(String provider, String method, Map<String, String> environment) {
        boolean usesVectors() {
            return !"none".equals(provider);
        }
    }

    /** One endpoint's scores over all questions and over those that share no word with their memory. */
    public record EndpointResult(int questions, double recallAt1, double recallAt5, double recallAt10, double mrr,
                                 int noSharedWordQuestions, double noSharedWordRecallAt5, double noSharedWordMrr,
                                 Map<String, Integer> searchMethods) {
    }

    public record Result(String provider, String method, Map<String, String> environment,
                         Map<String, EndpointResult> endpoints, double seconds) {
    }

    private final Path jar;
    private final String databaseUrl;
    private final Path logs;
    private final Corpus corpus;

    public Benchmark(Path jar, String databaseUrl, Path logs, Corpus corpus) {
        this.jar = jar;
        this.databaseUrl = databaseUrl;
        this.logs = logs;
        this.corpus = corpus;
    }

    public Result run(Config config) throws IOException, InterruptedException {
        long start = System.nanoTime();
        Path log = logs.resolve("service-" + config.provider() + "-" + config.method() + ".log");
        try (ServiceProcess service = ServiceProcess.start(jar, databaseUrl, config.environment(), log, config.usesVectors())) {
            String key = service.newTenant("quality-" + config.provider() + "-" + config.method());
            Map<String, String> memoryIds = load(service, key, config.usesVectors());
            Map<String, Scores> all = new LinkedHashMap<>();
            Map<String, Scores> noSharedWord = new LinkedHashMap<>();
            Map<String, Map<String, Integer>> methods = new LinkedHashMap<>();
            for (String endpoint : ENDPOINTS) {
                all.put(endpoint, new Scores());
                noSharedWord.put(endpoint, new Scores());
                methods.put(endpoint, new TreeMap<>());
            }
            for (Corpus.Question question : corpus.questions()) {
                String relevant = memoryIds.get(question.noteId());
                for (String endpoint : ENDPOINTS) {
                    JsonNode answer = ask(service, key, endpoint, question.text());
                    List<String> ids = ids(endpoint, answer);
                    all.get(endpoint).add(relevant, ids);
                    if (question.sharesNoWord()) {
                        noSharedWord.get(endpoint).add(relevant, ids);
                    }
                    methods.get(endpoint).merge(answer.path("search_method").asText("none"), 1, Integer::sum);
                }
            }
            Map<String, EndpointResult> endpoints = new LinkedHashMap<>();
            for (String endpoint : ENDPOINTS) {
                Scores s = all.get(endpoint);
                Scores n = noSharedWord.get(endpoint);
                endpoints.put(endpoint, new EndpointResult(s.questions(), s.recallAt(1), s.recallAt(5), s.recallAt(10),
                        s.mrr(), n.questions(), n.recallAt(5), n.mrr(), methods.get(endpoint)));
            }
            return new Result(config.provider(), config.method(), config.environment(), endpoints,
                    (System.nanoTime() - start) / 1e9);
        }
    }

    /** Stores every note; waits until each has its vector (written at once, or by the backfill job). */
    private Map<String, String> load(ServiceProcess service, String key, boolean vectors) throws IOException, InterruptedException {
        Map<String, String> ids = new LinkedHashMap<>();
        List<String> pending = new ArrayList<>();
        for (Corpus.Note note : corpus.notes()) {
            JsonNode created = service.post("/api/v1/memories", Map.of("text", note.text()), key);
            String id = created.path("id").asText();
            ids.put(note.id(), id);
            if (vectors && !created.path("has_embedding").asBoolean()) {
                pending.add(id);
            }
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (!pending.isEmpty()) {
            if (System.nanoTime() > deadline) {
                throw new IOException(pending.size() + " memories still had no embedding after 180 s");
            }
            Thread.sleep(1000);
            List<String> still = new ArrayList<>();
            for (String id : pending) {
                if (!service.get("/api/v1/memories/" + id, Map.of(), key).path("has_embedding").asBoolean()) {
                    still.add(id);
                }
            }
            pending = still;
        }
        return ids;
    }

    private static JsonNode ask(ServiceProcess service, String key, String endpoint, String question)
            throws IOException, InterruptedException {
        return switch (endpoint) {
            case "search" -> service.post("/api/v1/memories/search", Map.of("query", question, "limit", ANSWERS), key);
            case "predict" -> service.get("/api/v1/memories/predict",
                    Map.of("current_context", question, "limit", Integer.toString(ANSWERS)), key);
            case "suggest" -> service.post("/api/v1/memories/suggest",
                    Map.of("context", question, "limit", ANSWERS, "min_confidence", 0), key);
            default -> throw new IllegalArgumentException(endpoint);
        };
    }

    private static List<String> ids(String endpoint, JsonNode answer) {
        String list = switch (endpoint) {
            case "search" -> "memories";
            case "predict" -> "predictions";
            default -> "suggestions";
        };
        String field = "search".equals(endpoint) ? "id" : "memory_id";
        List<String> ids = new ArrayList<>();
        for (JsonNode item : answer.path(list)) {
            ids.add(item.path(field).asText());
        }
        return ids;
    }
}
