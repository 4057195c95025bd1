package io.recallbricks.retrieval;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import io.recallbricks.chaos.embeddings.FakeEmbeddingApi;
import io.recallbricks.chaos.embeddings.HashingEmbedder;
import io.recallbricks.embedding.Vectors;
import io.recallbricks.testing.Api;
import io.recallbricks.testing.FakeEmbeddings;
import io.recallbricks.testing.TestService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;

/**
 * A bounded measurement, not a test: the cost of search, predict and suggest for ONE user holding 1k, 10k and 100k
 * memories (1,536-dimension vectors, seeded directly in SQL), over HTTP on loopback, one request at a time, against
 * the fake embedding API (distinct queries, so every query embedding is a cache miss). It asserts nothing and is
 * skipped unless asked for:
 *
 * <pre>
 * ./mvnw -q -o -pl service test -Dtest=RetrievalCostMeasurement -Dretrieval.cost=true -Dretrieval.cost.sizes=1000,10000,100000
 * </pre>
 *
 * It prints, per size, the first-search cost (loading the user's vectors from PostgreSQL into the instance), the
 * mean/p50/p95 of the steady state, and of a search right after a write (which refreshes the instance's copy).
 */
@EnabledIfSystemProperty(named = "retrieval.cost", matches = "true")
class RetrievalCostMeasurement {

    static final int DIMENSIONS = 1536;
    static final int WARMUP = 30;
    static final int MEASURED = 200;
    static final int WRITES = 20;

    @Test
    void measure() throws Exception {
        List<Integer> sizes = Arrays.stream(System.getProperty("retrieval.cost.sizes", "1000,10000,100000").split(","))
                .map(String::trim).map(Integer::parseInt).toList();
        List<String> report = new ArrayList<>();
        try (FakeEmbeddingApi fake = FakeEmbeddings.start()) {
            for (int size : sizes) {
                report.add(measure(fake, size));
            }
        }
        System.out.println("\nRetrieval cost, one user, " + DIMENSIONS + "-d vectors, sequential requests over loopback:");
        report.forEach(System.out::println);
    }

    private String measure(FakeEmbeddingApi fake, int size) throws Exception {
        Map<String, String> environment = new HashMap<>(FakeEmbeddings.environment(fake, Map.of(
                "OPENAI_EMBEDDING_DIMENSIONS", Integer.toString(DIMENSIONS),
                "VECTOR_INDEX_MAX_MB", "2048",
                "EMBEDDING_BACKFILL_INTERVAL_SECONDS", "3600",
                "LEARNING_ANALYSIS_INTERVAL_MINUTES", "10080")));
        Map<String, String> properties = TestService.properties(environment);
        // The first search of a large user loads its vectors: give the measuring client time to see how long.
        properties.put("micronaut.http.client.read-timeout", "300s");
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, new HashMap<>(properties));
             HttpClient http = server.getApplicationContext().createBean(HttpClient.class, server.getURL())) {
            Api api = new Api(http);
            Api.Tenant tenant = api.newTenant("cost-" + size);
            Random random = new Random(size);
            List<UUID> ids = seed(properties, tenant.userId(), size, random);

            long first = time(() -> search(api, tenant, query(random)));
            for (int i = 0; i < WARMUP; i++) {
                search(api, tenant, query(random));
                predict(api, tenant, query(random), ids, random);
                suggest(api, tenant, query(random));
            }
            long[] searches = new long[MEASURED];
            long[] predicts = new long[MEASURED];
            long[] suggests = new long[MEASURED];
            for (int i = 0; i < MEASURED; i++) {
                String q = query(random);
                searches[i] = time(() -> search(api, tenant, q));
                predicts[i] = time(() -> predict(api, tenant, query(random), ids, random));
                suggests[i] = time(() -> suggest(api, tenant, query(random)));
            }
            // A write moves the user's version: the next search refreshes this instance's copy with the change.
            long[] afterWrite = new long[WRITES];
            for (int i = 0; i < WRITES; i++) {
                Api.Response created = api.send(HttpRequest.POST("/api/v1/memories", Map.of("text", sentence(random, 12))), tenant.apiKey());
                if (created.status() != 201) {
                    throw new IllegalStateException("unexpected " + created);
                }
                String q = query(random);
                afterWrite[i] = time(() -> search(api, tenant, q));
            }
            return String.format(Locale.ROOT, "  %,7d memories: first search (loads vectors) %7.1f ms | search %s | predict %s | suggest %s"
                            + " | search right after a write %s",
                    size, first / 1e6, stats(searches), stats(predicts), stats(suggests), stats(afterWrite));
        }
    }

    /** Inserts {@code size} memories with embeddings of the fake's own function, plus some co-access pairs. */
    private static List<UUID> seed(Map<String, String> properties, UUID userId, int size, Random random) throws Exception {
        HashingEmbedder embedder = new HashingEmbedder();
        List<UUID> ids = new ArrayList<>(size);
        try (Connection db = DriverManager.getConnection(properties.get("datasources.default.url"),
                properties.get("datasources.default.username"), properties.get("datasources.default.password"))) {
            db.setAutoCommit(false);
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO memories (id, user_id, text, tags, embedding, "
                    + "embedding_model, embedding_dimensions, usage_count, last_accessed) VALUES (?, ?, ?, ?, ?, ?, ?, ?, "
                    + "now() - make_interval(days => ?))")) {
                for (int i = 0; i < size; i++) {
                    UUID id = UUID.randomUUID();
                    String text = sentence(random, 12);
                    insert.setObject(1, id);
                    insert.setObject(2, userId);
                    insert.setString(3, text);
                    insert.setArray(4, db.createArrayOf("text", new String[]{WORDS[random.nextInt(40)]}));
                    insert.setBytes(5, Vectors.toBytes(embedder.embed(text, DIMENSIONS)));
                    insert.setString(6, "text-embedding-3-small");
                    insert.setInt(7, DIMENSIONS);
                    insert.setInt(8, random.nextInt(30));
                    insert.setInt(9, random.nextInt(200));
                    insert.addBatch();
                    ids.add(id);
                    if (i % 1000 == 999) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            try (PreparedStatement pair = db.prepareStatement("INSERT INTO memory_co_access (user_id, memory_id, other_memory_id, "
                    + "co_access_count) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")) {
                for (int i = 0; i < Math.min(size, 2000); i++) {
                    UUID a = ids.get(random.nextInt(size));
                    UUID b = ids.get(random.nextInt(size));
                    if (!a.equals(b)) {
                        pair.setObject(1, userId);
                        pair.setObject(2, a);
                        pair.setObject(3, b);
                        pair.setInt(4, 1 + random.nextInt(10));
                        pair.addBatch();
                    }
                }
                pair.executeBatch();
            }
            db.commit();
            try (Statement analyze = db.createStatement()) {
                analyze.execute("ANALYZE memories");
                analyze.execute("ANALYZE memory_co_access");
            }
            try (Statement count = db.createStatement(); ResultSet rows = count.executeQuery("SELECT count(*) FROM memories")) {
                rows.next();
                if (rows.getLong(1) != size) {
                    throw new IllegalStateException("seeded " + rows.getLong(1) + " memories, expected " + size);
                }
            }
        }
        return ids;
    }

    private static void search(Api api, Api.Tenant tenant, String query) {
        check(api.send(HttpRequest.POST("/api/v1/memories/search", Map.of("query", query, "limit", 10)), tenant.apiKey()));
    }

    private static void predict(Api api, Api.Tenant tenant, String context, List<UUID> ids, Random random) {
        String recent = ids.get(random.nextInt(ids.size())) + "," + ids.get(random.nextInt(ids.size()));
        check(api.send(HttpRequest.GET("/api/v1/memories/predict?limit=10&recent_memories=" + recent + "&current_context="
                + context.replace(" ", "%20")), tenant.apiKey()));
    }

    private static void suggest(Api api, Api.Tenant tenant, String context) {
        check(api.send(HttpRequest.POST("/api/v1/memories/suggest", Map.of("context", context, "limit", 5)), tenant.apiKey()));
    }

    private static void check(Api.Response response) {
        if (response.status() != 200) {
            throw new IllegalStateException("unexpected " + response);
        }
        Object method = response.body().get("search_method");
        if (method != null && !"hybrid".equals(method)) {
            throw new IllegalStateException("not a hybrid answer (the measurement would be of the keyword path): " + method);
        }
    }

    private static long time(Runnable call) {
        long start = System.nanoTime();
        call.run();
        return System.nanoTime() - start;
    }

    private static String stats(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
        return String.format(Locale.ROOT, "mean %.1f p50 %.1f p95 %.1f ms", mean, sorted[sorted.length / 2] / 1e6,
                sorted[(int) Math.ceil(sorted.length * 0.95) - 1] / 1e6);
    }

    private static String query(Random random) {
        return sentence(random, 3) + " " + random.nextInt(1_000_000);
    }

    private static String sentence(Random random, int words) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < words; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(WORDS[random.nextInt(WORDS.length)]);
        }
        return text.toString();
    }

    static final String[] WORDS = ("deploy release rollback database replica index query cache latency budget invoice customer "
            + "pricing discount contract renewal incident outage alert pager runbook kafka topic consumer offset redis "
            + "session token oauth login password rotation secret vault terraform module state bucket kubernetes pod node "
            + "cluster autoscaling helm chart image registry build pipeline test flaky coverage review merge branch tag "
            + "sprint retro planning estimate backlog roadmap quarter goal metric dashboard grafana prometheus trace span "
            + "log error warning debug config feature flag experiment cohort funnel signup churn retention email newsletter "
            + "campaign budget forecast revenue margin cost vendor supplier shipment warehouse inventory order refund "
            + "payment card fraud risk compliance audit policy privacy consent export import schema migration backup "
            + "restore snapshot archive storage encryption key certificate domain dns proxy gateway firewall network")
            .split(" ");
}
