package io.recallbricks.perf.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.recallbricks.perf.provision.ProvisioningException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Seeding against a small HTTP server playing the admin and memories routes. */
class SeederTest {

    private HttpServer server;
    private String baseUrl;
    private volatile int memoryStatus = 201;
    private final AtomicInteger created = new AtomicInteger();
    private final Map<String, AtomicInteger> memoriesByKey = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.start();
        baseUrl = "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void answer(HttpExchange x) throws IOException {
        String key = x.getRequestHeaders().getFirst("X-API-Key");
        String body = new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        int status;
        String reply;
        if (x.getRequestURI().getPath().equals("/api/v1/admin/users")) {
            status = "operator".equals(key) ? 201 : 401;
            reply = status == 201 ? "{\"user_id\":\"u\",\"api_key\":\"tenant-" + created.incrementAndGet() + "\"}" : "{}";
        } else {
            status = body.contains("\"text\"") ? memoryStatus : 400;
            memoriesByKey.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
            reply = status == 201 ? "{\"id\":\"" + java.util.UUID.randomUUID() + "\"}" : "{\"error\":{}}";
        }
        byte[] bytes = reply.getBytes(StandardCharsets.UTF_8);
        x.sendResponseHeaders(status, bytes.length);
        x.getResponseBody().write(bytes);
        x.close();
    }

    @Test
    void createsTenantsThenTheirMemoriesWithTheirOwnKeys() throws Exception {
        Seeder seeder = new Seeder(baseUrl);
        List<Tenant> tenants = seeder.createTenants("run1", 3, Optional.of("operator"), Optional.empty());
        assertEquals(List.of("tenant-1", "tenant-2", "tenant-3"), tenants.stream().map(Tenant::apiKey).toList());
        seeder.seedMemories(tenants, 20, new Corpus(1), 4);
        tenants.forEach(t -> assertEquals(20, t.memoryCount(), t.name()));
        assertEquals(Map.of("tenant-1", 20, "tenant-2", 20, "tenant-3", 20),
                Map.of("tenant-1", memoriesByKey.get("tenant-1").get(), "tenant-2", memoriesByKey.get("tenant-2").get(),
                        "tenant-3", memoriesByKey.get("tenant-3").get()));
    }

    @Test
    void aRefusedOperatorKeyFallsBackToTheTenantKey() throws Exception {
        List<Tenant> tenants = new Seeder(baseUrl).createTenants("run1", 5, Optional.of("wrong"), Optional.of("mine"));
        assertEquals(1, tenants.size());
        assertEquals("mine", tenants.get(0).apiKey());
        var e = assertThrows(ProvisioningException.class,
                () -> new Seeder(baseUrl).createTenants("run1", 1, Optional.of("wrong"), Optional.empty()));
        assertTrue(e.getMessage().startsWith("POST /api/v1/admin/users answered 401"), e.getMessage());
    }

    @Test
    void seedingThatMostlyFailsStopsTheSuiteSayingHow() throws Exception {
        memoryStatus = 503;
        Seeder seeder = new Seeder(baseUrl);
        List<Tenant> tenants = seeder.createTenants("run1", 1, Optional.of("operator"), Optional.empty());
        var e = assertThrows(ProvisioningException.class, () -> seeder.seedMemories(tenants, 10, new Corpus(1), 2));
        assertEquals("seeding failed: 10 of 10 POST /api/v1/memories did not answer 201 (by status: {503=10})",
                e.getMessage());
    }
}
