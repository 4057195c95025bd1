package io.recallbricks.auth;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.recallbricks.testing.Api;
import io.recallbricks.testing.RawHttp;
import io.recallbricks.testing.TestService;
import io.micronaut.data.connection.annotation.Connectable;
import io.recallbricks.resilience.DatabaseGuarded;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13, what the key lookup costs and what it may cache: OPTIONS looks nothing up; an unknown key is looked up
 * once and then remembered as unknown for a while; a lookup that overlaps a revocation does not put the key back
 * into the cache as valid.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KeyLookupTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    CountingKeyRepository repository;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(TestService.properties(Map.of(
                "CLIENT_RATE_LIMIT", "100000", "AUTH_NEGATIVE_CACHE_SECONDS", "60")));
        properties.put("test.counting-key-repository", "true");
        return properties;
    }

    @Test
    void optionsIsAnsweredWithoutAKeyLookup() {
        int before = repository.lookups.get();
        HttpResponse<String> response = new RawHttp(server).send("OPTIONS", "/api/v1/memories", null,
                "X-API-Key", "rb_options_" + System.nanoTime());

        assertTrue(response.statusCode() < 500, "OPTIONS answered " + response.statusCode());
        assertEquals(before, repository.lookups.get(), "OPTIONS looked a key up");
    }

    @Test
    void anUnknownKeyIsLookedUpOnceThenRememberedAsUnknown() {
        String guess = "rb_guess_" + System.nanoTime();
        int before = repository.lookups.get();
        for (int i = 0; i < 20; i++) {
            HttpResponse<String> response = new RawHttp(server).send("GET", "/api/v1/memories", null, "X-API-Key", guess);
            assertEquals(401, response.statusCode());
        }
        assertEquals(before + 1, repository.lookups.get(), "database lookups for 20 presentations of one unknown key");
    }

    @Test
    void aLookupRacingARevocationDoesNotCacheTheRevokedKey() throws Exception {
        Api api = new Api(client);
        Api.Tenant tenant = api.newTenant("revocation-race");
        RawHttp raw = new RawHttp(server);

        // The lookup reads the key (not yet revoked) and is held before it can cache what it read.
        CountDownLatch read = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        repository.pauseAfterNextRead(read, release);
        CompletableFuture<HttpResponse<String>> racing = CompletableFuture.supplyAsync(() ->
                raw.send("GET", "/api/v1/memories", null, "X-API-Key", tenant.apiKey()));
        assertTrue(read.await(30, TimeUnit.SECONDS), "the lookup read the key");

        HttpResponse<String> revoked = raw.send("DELETE", "/api/v1/admin/keys/" + tenant.apiKeyId(), null,
                "X-API-Key", TestService.ADMIN_KEY);
        assertEquals(200, revoked.statusCode(), revoked.body());
        release.countDown();
        racing.get(30, TimeUnit.SECONDS);

        HttpResponse<String> after = raw.send("GET", "/api/v1/memories", null, "X-API-Key", tenant.apiKey());
        assertEquals(401, after.statusCode(), "the revoked key still works: " + after.body());
    }

    /** The real repository, counting its key lookups and able to hold one after its read (the race's window). */
    @Singleton
    @Connectable
    @DatabaseGuarded
    @Replaces(ApiKeyRepository.class)
    @Requires(property = "test.counting-key-repository", value = "true")
    static class CountingKeyRepository extends ApiKeyRepository {

        final AtomicInteger lookups = new AtomicInteger();
        private volatile CountDownLatch read;
        private volatile CountDownLatch release;

        CountingKeyRepository(JdbcOperations jdbc) {
            super(jdbc);
        }

        synchronized void pauseAfterNextRead(CountDownLatch read, CountDownLatch release) {
            this.read = read;
            this.release = release;
        }

        @Override
        public Optional<StoredKey> findByHash(byte[] hash) {
            lookups.incrementAndGet();
            Optional<StoredKey> found = super.findByHash(hash);
            CountDownLatch readLatch;
            CountDownLatch releaseLatch;
            synchronized (this) {
                readLatch = read;
                releaseLatch = release;
                read = null;
                release = null;
            }
            if (readLatch != null) {
                readLatch.countDown();
                try {
                    releaseLatch.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return found;
        }
    }
}
