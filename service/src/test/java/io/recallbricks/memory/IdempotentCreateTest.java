package io.recallbricks.memory;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.recallbricks.testing.Api;
import io.recallbricks.testing.Api.Response;
import io.recallbricks.testing.TestService;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code Idempotency-Key} on {@code POST /api/v1/memories} and {@code /memories/learn}: a retry never duplicates. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdempotentCreateTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    Api api;

    @Override
    public Map<String, String> getProperties() {
        return TestService.properties(Map.of("USER_RATE_LIMIT", "100000", "GLOBAL_RATE_LIMIT", "100000"));
    }

    @BeforeAll
    void setUp() {
        api = new Api(http);
    }

    private Response create(Api.Tenant tenant, String key, Map<String, Object> body) {
        var request = HttpRequest.POST("/api/v1/memories", body);
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return api.send(request, tenant.apiKey());
    }

    private long count(Api.Tenant tenant) {
        return ((Number) api.send(HttpRequest.GET("/api/v1/memories"), tenant.apiKey()).body().get("total")).longValue();
    }

    @Test
    void aRetryWithTheSameKeyAndBodyReturnsTheFirstMemory() {
        Api.Tenant tenant = api.newTenant("idem-retry");
        Map<String, Object> body = Map.of("text", "Saved once", "tags", List.of("a"), "metadata", Map.of("k", 1));

        Response first = create(tenant, "key-1", body);
        Response retry = create(tenant, "key-1", body);

        assertEquals(201, first.status());
        assertNull(first.raw().getHeaders().get("Idempotent-Replayed"));
        assertEquals(200, retry.status());
        assertEquals("true", retry.raw().getHeaders().get("Idempotent-Replayed"));
        assertEquals(first.body().get("id"), retry.body().get("id"));
        assertEquals("Saved once", retry.body().get("text"));
        assertEquals(1, count(tenant));
    }

    @Test
    void theSameKeyWithAnotherBodyIsRefusedWithAStableCode() {
        Api.Tenant tenant = api.newTenant("idem-reuse");
        create(tenant, "key-2", Map.of("text", "First body"));

        Response other = create(tenant, "key-2", Map.of("text", "Second body"));

        assertEquals(422, other.status());
        assertEquals("IDEMPOTENCY_KEY_REUSED", other.errorCode());
        assertEquals("IDEMPOTENCY_KEY_REUSED", other.body().get("code"), "the TypeScript SDK reads the top-level code");
        assertEquals(1, count(tenant));
    }

    @Test
    void theFingerprintIgnoresTheOrderOfMetadataKeys() {
        Api.Tenant tenant = api.newTenant("idem-order");
        Map<String, Object> ab = new LinkedHashMap<>();
        ab.put("a", 1);
        ab.put("b", Map.of("x", true));
        Map<String, Object> ba = new LinkedHashMap<>();
        ba.put("b", Map.of("x", true));
        ba.put("a", 1);

        Response first = create(tenant, "key-3", Map.of("text", "Ordered", "metadata", ab));
        Response retry = create(tenant, "key-3", Map.of("text", "Ordered", "metadata", ba));

        assertEquals(200, retry.status());
        assertEquals(first.body().get("id"), retry.body().get("id"));
    }

    @Test
    void keysBelongToOneTenant() {
        Api.Tenant one = api.newTenant("idem-one");
        Api.Tenant two = api.newTenant("idem-two");

        Response mine = create(one, "shared-key", Map.of("text", "Tenant one"));
        Response theirs = create(two, "shared-key", Map.of("text", "Tenant two"));

        assertEquals(201, mine.status());
        assertEquals(201, theirs.status());
        assertNotEquals(mine.body().get("id"), theirs.body().get("id"));
    }

    @Test
    void concurrentRequestsWithOneKeyStoreOneMemory() throws Exception {
        Api.Tenant tenant = api.newTenant("idem-race");
        Map<String, Object> body = Map.of("text", "Raced");
        List<Callable<Response>> attempts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            attempts.add(() -> create(tenant, "race-key", body));
        }
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Response> responses = new ArrayList<>();
        try {
            for (Future<Response> future : pool.invokeAll(attempts)) {
                responses.add(future.get());
            }
        } finally {
            pool.shutdownNow();
        }

        Set<Object> ids = responses.stream().map(r -> r.body().get("id")).collect(Collectors.toSet());
        assertEquals(1, ids.size(), responses.toString());
        assertEquals(1, responses.stream().filter(r -> r.status() == 201).count());
        assertTrue(responses.stream().allMatch(r -> r.status() == 201 || r.status() == 200));
        assertEquals(1, count(tenant));
    }

    @Test
    void deletingTheMemoryFreesItsKey() {
        Api.Tenant tenant = api.newTenant("idem-delete");
        Response first = create(tenant, "key-4", Map.of("text", "Short-lived"));
        api.send(HttpRequest.DELETE("/api/v1/memories/" + first.body().get("id")), tenant.apiKey());

        Response again = create(tenant, "key-4", Map.of("text", "Short-lived"));

        assertEquals(201, again.status());
        assertNotEquals(first.body().get("id"), again.body().get("id"));
    }

    @Test
    void learnHonoursTheKeyToo() {
        Api.Tenant tenant = api.newTenant("idem-learn");
        var body = Map.<String, Object>of("text", "Learned once: Alice owns billing", "source", "python-sdk");

        Response first = api.send(HttpRequest.POST("/api/v1/memories/learn", body).header("Idempotency-Key", "learn-1"), tenant.apiKey());
        Response retry = api.send(HttpRequest.POST("/api/v1/memories/learn", body).header("Idempotency-Key", "learn-1"), tenant.apiKey());

        assertEquals(201, first.status());
        assertEquals(200, retry.status());
        assertEquals(first.body().get("id"), retry.body().get("id"));
        assertEquals(1, count(tenant));
    }

    @Test
    void aMalformedKeyIsA400NamingTheHeader() {
        Api.Tenant tenant = api.newTenant("idem-bad");

        Response tooLong = create(tenant, "k".repeat(256), Map.of("text", "x"));
        Response spaces = create(tenant, "has spaces", Map.of("text", "x"));

        assertEquals(400, tooLong.status());
        assertEquals("INVALID_PARAMETER", tooLong.errorCode());
        assertEquals("Idempotency-Key", tooLong.error().get("details") instanceof Map<?, ?> d ? d.get("parameter") : null);
        assertEquals(400, spaces.status());
        assertEquals(0, count(tenant));
    }

    @Test
    void withoutAKeyEveryPostCreates() {
        Api.Tenant tenant = api.newTenant("idem-none");
        create(tenant, null, Map.of("text", "Twice"));
        create(tenant, null, Map.of("text", "Twice"));

        assertEquals(2, count(tenant));
    }
}
