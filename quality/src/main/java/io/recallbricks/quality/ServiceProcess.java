package io.recallbricks.quality;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The service jar started as an operator starts it ({@code java -jar} with environment variables), and the few API
 * calls the benchmark makes, over HTTP only.
 */
public final class ServiceProcess implements AutoCloseable {

    static final String ADMIN_KEY = "quality-benchmark-admin-key-0123456789";

    private final Process process;
    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    private final long startedNanos = System.nanoTime();
    private long readyNanos;

    private ServiceProcess(Process process, String baseUrl) {
        this.process = process;
        this.baseUrl = baseUrl;
    }

    /** Seconds from the process start to /health/ready answering 200 (and, if awaited, the model loaded). */
    public double secondsToReady() {
        return (readyNanos - startedNanos) / 1e9;
    }

    /** CPU seconds the service process has used so far (user + system, from /proc; Linux only). */
    public double cpuSeconds() throws IOException {
        String stat = java.nio.file.Files.readString(Path.of("/proc", Long.toString(process.pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // After the command name: state is field 3, utime field 14, stime field 15 (1-based, man proc).
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    /** Waits until /health reports the embedding provider loaded; returns the seconds since the process started. */
    public double awaitEmbeddings() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!"ok".equals(get("/health", null).path("embeddings").asText())) {
            if (System.nanoTime() > deadline) {
                throw new IOException("the embedding model did not load within 120 s");
            }
            Thread.sleep(20);
        }
        return (System.nanoTime() - startedNanos) / 1e9;
    }

    /** The value of one Prometheus sample line ({@code name{labels}}), 0 when absent. */
    public double metric(String sample) throws IOException, InterruptedException {
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString());
        for (String line : metrics.body().split("\n")) {
            if (line.startsWith(sample + " ")) {
                return Double.parseDouble(line.substring(sample.length() + 1).trim());
            }
        }
        return 0;
    }

    /** Starts the jar with {@code environment} (plus DATABASE_URL, a free port and an operator key) and waits until ready. */
    public static ServiceProcess start(Path jar, String databaseUrl, Map<String, String> environment, Path log,
                                       boolean awaitEmbeddings) throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Map<String, String> env = builder.environment();
        // Only what the benchmark itself needs; every retrieval setting is the service's default unless given.
        for (String inherited : List.copyOf(env.keySet())) {
            if (inherited.startsWith("OPENAI_") || inherited.startsWith("EMBEDDING_") || inherited.startsWith("HYBRID_")) {
                env.remove(inherited);
            }
        }
        env.put("DATABASE_URL", databaseUrl);
        env.put("PORT", Integer.toString(port));
        env.put("HOST", "127.0.0.1");
        env.put("ADMIN_API_KEY", ADMIN_KEY);
        env.put("GLOBAL_RATE_LIMIT", "1000000");
        env.put("USER_RATE_LIMIT", "1000000");
        env.put("EXPENSIVE_RATE_LIMIT", "1000000");
        env.putAll(environment);
        ServiceProcess service = new ServiceProcess(builder.start(), "http://127.0.0.1:" + port);
        try {
            service.awaitReady(awaitEmbeddings);
        } catch (IOException | InterruptedException | RuntimeException e) {
            service.close();
            throw e;
        }
        return service;
    }

    private void awaitReady(boolean embeddings) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("the service exited with " + process.exitValue() + " before it was ready");
            }
            try {
                HttpResponse<String> ready = http.send(HttpRequest.newBuilder(URI.create(baseUrl + "/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (ready.statusCode() == 200) {
                    readyNanos = readyNanos == 0 ? System.nanoTime() : readyNanos;
                    if (!embeddings) {
                        return;
                    }
                    JsonNode health = get("/health", null);
                    if ("ok".equals(health.path("embeddings").asText())) {
                        return;
                    }
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IOException("the service was not ready (with embeddings: " + embeddings + ") within 120 s");
    }

    /** A new tenant's API key. */
    public String newTenant(String name) throws IOException, InterruptedException {
        JsonNode created = post("/api/v1/admin/users", Map.of("name", name), ADMIN_KEY);
        return created.path("api_key").asText();
    }

    public JsonNode post(String path, Object body, String apiKey) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-API-Key", apiKey)
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build();
        return send(request);
    }

    public JsonNode get(String path, Map<String, String> query, String apiKey) throws IOException, InterruptedException {
        StringBuilder uri = new StringBuilder(baseUrl).append(path);
        char separator = '?';
        for (Map.Entry<String, String> entry : query.entrySet()) {
            uri.append(separator).append(entry.getKey()).append('=')
                    .append(URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri.toString())).timeout(Duration.ofSeconds(30));
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        return send(request.build());
    }

    JsonNode get(String path, String apiKey) throws IOException, InterruptedException {
        return get(path, new HashMap<>(), apiKey);
    }

    private JsonNode send(HttpRequest request) throws IOException, InterruptedException {
        HttpResponse<byte[]> response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() / 100 != 2) {
            throw new IOException(request.method() + " " + request.uri().getPath() + " answered " + response.statusCode()
                    + ": " + new String(response.body(), StandardCharsets.UTF_8));
        }
        return json.readTree(response.body());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
