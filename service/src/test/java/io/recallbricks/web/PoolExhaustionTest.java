package io.recallbricks.web;

import com.zaxxer.hikari.HikariDataSource;
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

import javax.sql.DataSource;
import java.sql.Connection;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/** When no pooled connection comes in time, the client gets a 503 it can retry, not a 500. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PoolExhaustionTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        return TestService.properties(Map.of("DATABASE_POOL_SIZE", "2", "DATABASE_CONNECTION_TIMEOUT_MS", "250"));
    }

    @Test
    void anExhaustedPoolAnswers503WithRetryAfter() throws Exception {
        Api api = new Api(http);
        Api.Tenant tenant = api.newTenant("pool");

        Api.Response response;
        HikariDataSource pool = dataSource.unwrap(HikariDataSource.class);
        try (Connection first = pool.getConnection(); Connection second = pool.getConnection()) {
            response = api.send(HttpRequest.GET("/api/v1/memories/00000000-0000-0000-0000-000000000001"), tenant.apiKey());
        }

        assertEquals(503, response.status(), response.body().toString());
        assertEquals("DATABASE_UNAVAILABLE", response.errorCode());
        assertNotNull(response.raw().getHeaders().get("Retry-After"));
    }
}
