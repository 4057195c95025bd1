package io.recallbricks.ratelimit;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.recallbricks.testing.RawHttp;
import io.recallbricks.testing.TestService;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * X-Forwarded-For from a peer that is not a configured proxy is ignored: a guesser naming a new address in each
 * request still draws from the one bucket of its real address.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UntrustedForwardedForTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return TestService.properties(Map.of("CLIENT_RATE_LIMIT", "10")); // TRUSTED_PROXIES empty: no proxy trusted
    }

    @Test
    void aSpoofedForwardedForDoesNotOpenANewBucket() {
        RawHttp raw = new RawHttp(server);
        int refused = 0;
        for (int i = 0; i < 30; i++) {
            int status = raw.send("GET", "/api/v1/memories", null, "X-API-Key", "rb_guess_" + i,
                    "X-Forwarded-For", "198.51.100." + (i + 1)).statusCode();
            if (status == 429) {
                refused++;
            }
        }
        assertTrue(refused >= 15, refused + " of 30 refused (limit 10, one bucket for the one real address)");
    }
}
