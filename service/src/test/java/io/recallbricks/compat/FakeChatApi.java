package io.recallbricks.compat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A small OpenAI-compatible API on loopback for tests: {@code /v1/chat/completions} answers what the test sets
 * (a status, and the message content), and records the requests it got; {@code /v1/embeddings} answers a fixed
 * 4-dimensional vector per input, so the embedding side stays healthy and the shared breaker closed.
 */
final class FakeChatApi implements AutoCloseable {

    static final int DIMENSIONS = 4;

    private final HttpServer server;
    private final JsonMapper json = JsonMapper.createDefault();
    private final AtomicInteger chatStatus = new AtomicInteger(200);
    private final AtomicReference<String> chatContent = new AtomicReference<>("{}");
    private final List<Map<String, Object>> chatRequests = new ArrayList<>();

    private FakeChatApi(HttpServer server) {
        this.server = server;
        server.createContext("/v1/chat/completions", this::chat);
        server.createContext("/v1/embeddings", this::embeddings);
        server.start();
    }

    static FakeChatApi start() {
        try {
            return new FakeChatApi(HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    void answer(int status, String content) {
        chatStatus.set(status);
        chatContent.set(content);
    }

    synchronized Map<String, Object> lastChatRequest() {
        return chatRequests.get(chatRequests.size() - 1);
    }

    private void chat(HttpExchange exchange) throws IOException {
        Map<String, Object> request = json.readValue(exchange.getRequestBody().readAllBytes(), Argument.mapOf(String.class, Object.class));
        synchronized (this) {
            chatRequests.add(request);
        }
        Map<String, Object> body = Map.of("id", "chatcmpl-test", "object", "chat.completion",
                "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                        "message", Map.of("role", "assistant", "content", chatContent.get()))));
        respond(exchange, chatStatus.get(), chatStatus.get() == 200 ? body : Map.of("error", Map.of("message", "down")));
    }

    private void embeddings(HttpExchange exchange) throws IOException {
        Map<String, Object> request = json.readValue(exchange.getRequestBody().readAllBytes(), Argument.mapOf(String.class, Object.class));
        List<?> inputs = (List<?>) request.get("input");
        List<Map<String, Object>> data = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            data.add(Map.of("object", "embedding", "index", i, "embedding", List.of(0.5, 0.5, 0.5, 0.5)));
        }
        respond(exchange, 200, Map.of("object", "list", "data", data));
    }

    private void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
