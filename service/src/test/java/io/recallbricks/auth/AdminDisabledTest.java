package io.recallbricks.auth;

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

/** Without ADMIN_API_KEY the operator routes are closed, whatever key is presented. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminDisabledTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        return TestService.properties(Map.of("ADMIN_API_KEY", ""));
    }

    @Test
    void adminRoutesAreForbiddenWhenNoOperatorKeyIsConfigured() {
        Api.Response response = new Api(http).send(HttpRequest.POST("/api/v1/admin/users", Map.of("name", "x")), "");

        assertEquals(403, response.status());
        assertEquals("FORBIDDEN", response.errorCode());
    }
}
