package io.recallbricks.chaos.experiment.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The service over HTTP, as any client sees it (docs/contracts.md section 1): set-up and verification calls,
 * synchronous. The load has its own asynchronous client ({@code LoadGenerator}).
 */
public final class ServiceClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final String baseUrl;
    private final String adminKey;
    private final HttpClient http;

    public ServiceClient(String baseUrl, String adminKey, HttpClient http) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.adminKey = adminKey;
        this.http = http;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public HttpClient http() {
        return http;
    }

    public static ObjectMapper json() {
        return JSON;
    }

    /** A new tenant; returns its API key. */
    public String createTenant(String name) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode().put("name", name);
        JsonNode answer = expect(201, send(post("/api/v1/admin/users", adminKey, body)), "create tenant");
        return answer.path("api_key").asText();
    }

    public JsonNode createMemory(String apiKey, ObjectNode memory) throws IOException, InterruptedException {
        return expect(201, send(post("/api/v1/memories", apiKey, memory)), "create memory");
    }

    /** Every memory of the tenant with this {@code source}, all pages. */
    public List<JsonNode> listMemories(String apiKey, String source) throws IOException, InterruptedException {
        List<JsonNode> all = new ArrayList<>();
        int offset = 0;
        while (true) {
            String path = "/api/v1/memories?limit=1000&offset=" + offset + "&source="
                    + URLEncoder.encode(source, StandardCharsets.UTF_8);
            JsonNode page = expect(200, send(get(path, apiKey)), "list memories");
            page.path("memories").forEach(all::add);
            if (!page.path("has_more").asBoolean(false) || page.path("memories").isEmpty()) {
                return all;
            }
            offset += page.path("memories").size();
        }
    }

    public String metricsText() throws IOException, InterruptedException {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/metrics")).timeout(Duration.ofSeconds(3))
                .GET().build()); // no Accept: the service answers Prometheus text by default
        if (r.statusCode() != 200) {
            throw new IOException("/metrics answered " + r.statusCode());
        }
        return r.body();
    }

    public JsonNode health() throws IOException, InterruptedException {
        HttpResponse<String> r = send(HttpRequest.newBuilder(uri("/health")).timeout(Duration.ofSeconds(3)).GET().build());
        return expect(200, r, "/health");
    }

    public boolean ready() {
        try {
            return send(HttpRequest.newBuilder(uri("/health/ready")).timeout(Duration.ofSeconds(3)).GET().build())
                    .statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The operator reset of a breaker (used only to start an experiment from a clean state). */
    public void resetBreaker(String name) throws IOException, InterruptedException {
        expect(200, send(post("/api/v1/admin/circuit-breakers/" + name + "/reset", adminKey,
                JSON.createObjectNode())), "reset breaker " + name);
    }

    public URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    public HttpRequest post(String path, String key, JsonNode body) {
        return HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT).header("X-API-Key", key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
    }

    public HttpRequest get(String path, String key) {
        return HttpRequest.newBuilder(uri(path)).timeout(TIMEOUT).header("X-API-Key", key).GET().build();
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode expect(int status, HttpResponse<String> r, String what) throws IOException {
        if (r.statusCode() != status) {
            String body = r.body() == null ? "" : r.body();
            throw new IOException(what + ": expected " + status + ", got " + r.statusCode() + " "
                    + body.substring(0, Math.min(300, body.length())));
        }
        return JSON.readTree(r.body());
    }
}
