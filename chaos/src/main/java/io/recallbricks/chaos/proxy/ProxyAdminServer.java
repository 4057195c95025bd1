package io.recallbricks.chaos.proxy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * A tiny HTTP admin API for a {@link TcpFaultProxy}, on the JDK's built-in HTTP server (loopback by default):
 *
 * <pre>
 * GET    /faults            current fault, connections, addresses
 * DELETE /faults            remove the fault (pass-through)
 * POST   /faults/down       refuse new connections, cut open ones
 * POST   /faults/hang       accept, forward nothing
 * POST   /faults/latency    {"delayMs": 200}: delay every chunk, both directions
 * </pre>
 *
 * Every route answers the resulting state, as {@code GET /faults} does.
 */
public final class ProxyAdminServer implements AutoCloseable {

    private final TcpFaultProxy proxy;
    private final HttpServer http;
    private final ObjectMapper json = new ObjectMapper();

    private ProxyAdminServer(TcpFaultProxy proxy, HttpServer http) {
        this.proxy = proxy;
        this.http = http;
    }

    public static ProxyAdminServer start(TcpFaultProxy proxy, String host, int port) throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(host, port), 0);
        ProxyAdminServer admin = new ProxyAdminServer(proxy, http);
        http.createContext("/", admin::handle);
        http.start();
        return admin;
    }

    public int port() {
        return http.getAddress().getPort();
    }

    public String baseUrl() {
        return "http://" + http.getAddress().getHostString() + ":" + port();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String route = exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath();
            try {
                switch (route) {
                    case "GET /faults" -> { }
                    case "DELETE /faults" -> proxy.passThrough();
                    case "POST /faults/down" -> proxy.down();
                    case "POST /faults/hang" -> proxy.hang();
                    case "POST /faults/latency" -> proxy.latency(Duration.ofMillis(delayMs(exchange.getRequestBody())));
                    default -> {
                        respond(exchange, 404, error("no such route: " + route
                                + " (GET|DELETE /faults, POST /faults/down|hang|latency)"));
                        return;
                    }
                }
                respond(exchange, 200, state());
            } catch (IllegalArgumentException e) {
                respond(exchange, 400, error(e.getMessage()));
            } catch (IllegalStateException e) {
                respond(exchange, 500, error(e.getMessage()));
            }
        }
    }

    ObjectNode state() {
        ProxyFault fault = proxy.fault();
        ObjectNode state = json.createObjectNode();
        state.put("mode", fault.mode().label());
        state.put("latencyMs", fault.latency().toMillis());
        state.put("openConnections", proxy.openConnections());
        state.put("listen", proxy.config().listenHost() + ":" + proxy.port());
        state.put("upstream", proxy.config().upstreamHost() + ":" + proxy.config().upstreamPort());
        return state;
    }

    private long delayMs(InputStream body) {
        JsonNode node;
        try {
            node = json.readTree(body);
        } catch (IOException e) {
            throw new IllegalArgumentException("the body must be JSON like {\"delayMs\": 200}");
        }
        JsonNode delay = node == null ? null : node.get("delayMs");
        if (delay == null || !delay.isIntegralNumber() || delay.asLong() < 1) {
            throw new IllegalArgumentException("'delayMs' must be a positive whole number, e.g. {\"delayMs\": 200}");
        }
        return delay.asLong();
    }

    private ObjectNode error(String message) {
        ObjectNode error = json.createObjectNode();
        error.put("error", message);
        return error;
    }

    private void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = body.toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** Stops the admin server (not the proxy). */
    @Override
    public void close() {
        http.stop(0);
    }
}
