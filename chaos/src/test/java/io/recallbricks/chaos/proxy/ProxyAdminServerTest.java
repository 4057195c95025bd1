package io.recallbricks.chaos.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The proxy's HTTP admin API; the byte-level behaviour is covered against PostgreSQL elsewhere. */
@Timeout(30)
class ProxyAdminServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private ServerSocket upstream;
    private TcpFaultProxy proxy;
    private ProxyAdminServer admin;

    @BeforeEach
    void start() throws Exception {
        upstream = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        proxy = TcpFaultProxy.start(TcpProxyConfig.to("127.0.0.1", upstream.getLocalPort()));
        admin = ProxyAdminServer.start(proxy, "127.0.0.1", 0);
    }

    @AfterEach
    void stop() throws Exception {
        admin.close();
        proxy.close();
        upstream.close();
    }

    @Test
    void reportsTheCurrentState() throws Exception {
        JsonNode state = call("GET", "/faults", null, 200);
        assertEquals("pass-through", state.get("mode").asText());
        assertEquals(0, state.get("latencyMs").asInt());
        assertEquals("127.0.0.1:" + proxy.port(), state.get("listen").asText());
        assertEquals("127.0.0.1:" + upstream.getLocalPort(), state.get("upstream").asText());
    }

    @Test
    void downClosesTheListeningPortAndDeleteOpensItAgain() throws Exception {
        assertEquals("down", call("POST", "/faults/down", null, 200).get("mode").asText());
        assertThrows(ConnectException.class, this::connectToProxy);

        assertEquals("pass-through", call("DELETE", "/faults", null, 200).get("mode").asText());
        connectToProxy();
    }

    @Test
    void switchesToHangAndLatency() throws Exception {
        assertEquals("hang", call("POST", "/faults/hang", null, 200).get("mode").asText());
        JsonNode latency = call("POST", "/faults/latency", "{\"delayMs\":250}", 200);
        assertEquals("latency", latency.get("mode").asText());
        assertEquals(250, latency.get("latencyMs").asInt());
        assertEquals(Duration.ofMillis(250), proxy.fault().latency());
    }

    @Test
    void aTakenPortIsAClearError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TcpFaultProxy.start(
                TcpProxyConfig.to("127.0.0.1", upstream.getLocalPort()).listeningOn("127.0.0.1", proxy.port())));
        assertTrue(e.getMessage().startsWith("cannot listen on 127.0.0.1:" + proxy.port()), e.getMessage());
    }

    @Test
    void badRequestsGetAClearMessage() throws Exception {
        assertTrue(call("POST", "/faults/latency", "{}", 400).get("error").asText().contains("delayMs"));
        assertTrue(call("POST", "/faults/latency", "{\"delayMs\":-3}", 400).get("error").asText().contains("delayMs"));
        assertTrue(call("POST", "/faults/latency", "oops", 400).get("error").asText().contains("JSON"));
        assertTrue(call("POST", "/faults/explode", null, 404).get("error").asText().contains("no such route"));
        assertEquals(ProxyFault.Mode.PASS_THROUGH, proxy.fault().mode());
    }

    private void connectToProxy() throws Exception {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", proxy.port()), 2000);
        }
    }

    private JsonNode call(String method, String path, String body, int expectedStatus) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(admin.baseUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body))
                .build();
        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(expectedStatus, response.statusCode(), response.body());
        return JSON.readTree(response.body());
    }
}
