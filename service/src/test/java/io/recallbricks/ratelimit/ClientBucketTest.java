package io.recallbricks.ratelimit;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.recallbricks.testing.Api;
import io.recallbricks.testing.RawHttp;
import io.recallbricks.testing.TestService;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13's row: 350 requests with made-up keys and GLOBAL_RATE_LIMIT=300 used to drain the global bucket, and then
 * every tenant got 429. The guesser's own address bucket (CLIENT_RATE_LIMIT, default 60) now refuses it first. The
 * service sits behind a trusted proxy on loopback here, so X-Forwarded-For names each client.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClientBucketTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        return TestService.properties(Map.of(
                "GLOBAL_RATE_LIMIT", "300",
                "TRUSTED_PROXIES", "127.0.0.0/8,::1/128"));
    }

    @Test
    void aFloodOfMadeUpKeysIsRefusedByItsAddressAndTheTenantIsServed() {
        Api.Tenant tenant = new Api(client).newTenant("starved?");
        RawHttp raw = new RawHttp(server);

        int refusedByAddress = 0;
        for (int i = 0; i < 350; i++) {
            HttpResponse<String> guess = raw.send("GET", "/api/v1/memories", null,
                    "X-API-Key", "rb_madeup_" + i, "X-Forwarded-For", "203.0.113.7");
            assertTrue(guess.statusCode() == 401 || guess.statusCode() == 429, guess.statusCode() + " " + guess.body());
            if (guess.statusCode() == 429) {
                assertTrue(guess.body().contains("\"client\""), guess.body());
                refusedByAddress++;
            }
        }
        HttpResponse<String> served = raw.send("GET", "/api/v1/memories", null,
                "X-API-Key", tenant.apiKey(), "X-Forwarded-For", "198.51.100.9");

        // 60 admitted at once, plus the tokens that refilled (one a second) while the flood ran.
        assertTrue(refusedByAddress >= 280, refusedByAddress + " of 350 refused by the guesser's address bucket");
        assertEquals(200, served.statusCode(), served.body());
    }

    @Test
    void aRequestWithoutAnyKeyTakesFromItsAddressBucketToo() {
        RawHttp raw = new RawHttp(server);
        int refused = 0;
        for (int i = 0; i < 70; i++) {
            if (raw.send("GET", "/api/v1/memories", null, "X-Forwarded-For", "203.0.113.99").statusCode() == 429) {
                refused++;
            }
        }
        assertTrue(refused >= 5, refused + " of 70 refused (limit 60)");
    }
}
