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

/** CACHE_ENABLED=false: every lookup goes to the database, and the counters say so (misses only). */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CacheSwitchTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return TestService.properties(Map.of("CACHE_ENABLED", "false"));
    }

    @Test
    void aDisabledCacheAnswersNothingAndCountsEveryLookupAsAMiss() {
        Api api = new Api(http);
        Api.Tenant tenant = api.newTenant("no-cache");
        Map<String, String> apiKeys = Map.of("cache", "api_keys");
        double missesBefore = api.metrics().valueOrZero("cache_misses_total", apiKeys);

        for (int i = 0; i < 3; i++) {
            assertEquals(200, api.send(HttpRequest.GET("/api/v1/memories"), tenant.apiKey()).status());
        }

        assertEquals(missesBefore + 3, api.metrics().valueOrZero("cache_misses_total", apiKeys));
        assertEquals(0.0, api.metrics().valueOrZero("cache_hits_total", apiKeys));
    }
}
