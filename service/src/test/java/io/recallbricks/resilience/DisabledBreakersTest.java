package io.recallbricks.resilience;

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

/** CIRCUIT_BREAKER_ENABLED=false is a deployment decision: an operator's reset must not switch a breaker back on. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DisabledBreakersTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return TestService.properties(Map.of("CIRCUIT_BREAKER_ENABLED", "false"));
    }

    @Test
    void aResetLeavesADisabledBreakerDisabled() {
        Api api = new Api(http);
        Api.Response reset = api.send(HttpRequest.POST("/api/v1/admin/circuit-breakers/database/reset", Map.of()),
                TestService.ADMIN_KEY);

        assertEquals(200, reset.status(), reset.body().toString());
        assertEquals("disabled", String.valueOf(reset.body().get("state")).toLowerCase(java.util.Locale.ROOT));
    }
}
