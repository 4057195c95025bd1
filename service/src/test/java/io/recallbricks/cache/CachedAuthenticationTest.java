package io.recallbricks.cache;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.recallbricks.testing.Api;
import io.recallbricks.testing.TestService;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The api_keys cache: one miss per key, then hits; a revoked or rotated key leaves it at once. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CachedAuthenticationTest implements TestPropertyProvider {

    private static final Map<String, String> API_KEYS = Map.of("cache", "api_keys");

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return TestService.properties();
    }

    @Test
    void aKeyIsLookedUpOnceThenAnsweredFromTheCacheUntilItIsRotated() {
        Api api = new Api(http);
        Api.Tenant tenant = api.newTenant("cached");
        double misses = api.metrics().valueOrZero("cache_misses_total", API_KEYS);
        double hits = api.metrics().valueOrZero("cache_hits_total", API_KEYS);

        for (int i = 0; i < 4; i++) {
            assertEquals(200, api.send(HttpRequest.GET("/api/v1/memories"), tenant.apiKey()).status());
        }

        assertEquals(misses + 1, api.metrics().valueOrZero("cache_misses_total", API_KEYS));
        assertEquals(hits + 3, api.metrics().valueOrZero("cache_hits_total", API_KEYS));

        assertEquals(201, api.send(HttpRequest.POST("/api/v1/admin/keys/" + tenant.apiKeyId() + "/rotate", Map.of()),
                TestService.ADMIN_KEY).status());
        assertEquals(401, api.send(HttpRequest.GET("/api/v1/memories"), tenant.apiKey()).status(),
                "the cached key was dropped when the rotation committed");
    }
}
