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

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Another tenant's memory is indistinguishable from a memory that does not exist, on every route. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TenantIsolationTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    Api api;
    Api.Tenant alice;
    Api.Tenant mallory;
    String aliceMemory;

    @Override
    public Map<String, String> getProperties() {
        return TestService.properties();
    }

    @BeforeAll
    void setUp() {
        api = new Api(http);
        alice = api.newTenant("alice");
        mallory = api.newTenant("mallory");
        aliceMemory = (String) api.send(HttpRequest.POST("/api/v1/memories",
                Map.of("text", "alice's private note", "tags", java.util.List.of("secret"))), alice.apiKey()).body().get("id");
    }

    @Test
    void anotherTenantCannotReadIt() {
        Response response = api.send(HttpRequest.GET("/api/v1/memories/" + aliceMemory), mallory.apiKey());

        assertEquals(404, response.status());
        assertEquals("NOT_FOUND", response.errorCode());
    }

    @Test
    void anotherTenantCannotUpdateIt() {
        Response response = api.send(HttpRequest.PUT("/api/v1/memories/" + aliceMemory, Map.of("text", "pwned")),
                mallory.apiKey());
        Response stillAlices = api.send(HttpRequest.GET("/api/v1/memories/" + aliceMemory), alice.apiKey());

        assertEquals(404, response.status());
        assertEquals("alice's private note", stillAlices.body().get("text"));
    }

    @Test
    void anotherTenantCannotDeleteIt() {
        Response response = api.send(HttpRequest.DELETE("/api/v1/memories/" + aliceMemory), mallory.apiKey());
        Response stillThere = api.send(HttpRequest.GET("/api/v1/memories/" + aliceMemory), alice.apiKey());

        assertEquals(404, response.status());
        assertEquals(200, stillThere.status());
    }

    @Test
    void listingsShowOnlyTheCallersMemories() {
        Response mallorys = api.send(HttpRequest.GET("/api/v1/memories?tags=secret"), mallory.apiKey());
        Response alices = api.send(HttpRequest.GET("/api/v1/memories?tags=secret"), alice.apiKey());

        assertEquals(0, mallorys.body().get("total"));
        assertEquals(1, alices.body().get("total"));
    }

    @Test
    void aUserIdInTheBodyCannotWriteIntoAnotherTenant() {
        Response response = api.send(HttpRequest.POST("/api/v1/memories",
                Map.of("text", "planted", "user_id", alice.userId().toString())), mallory.apiKey());
        Response alices = api.send(HttpRequest.GET("/api/v1/memories?limit=1000"), alice.apiKey());

        assertEquals(400, response.status());
        assertEquals(false, alices.body().toString().contains("planted"));
    }
}
