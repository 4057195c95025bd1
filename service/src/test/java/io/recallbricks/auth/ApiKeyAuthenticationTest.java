package io.recallbricks.auth;

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

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiKeyAuthenticationTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ApiKeyUsageRecorder usage;

    Api api;

    @Override
    public Map<String, String> getProperties() {
        return TestService.properties();
    }

    @BeforeAll
    void setUp() {
        api = new Api(http);
    }

    private Response listMemories(String key) {
        return api.send(HttpRequest.GET("/api/v1/memories"), key);
    }

    @Test
    void aRequestWithoutAKeyIs401WithTheErrorBody() {
        Response response = listMemories(null);

        assertEquals(401, response.status());
        assertEquals("UNAUTHORIZED", response.errorCode());
        assertNotNull(response.error().get("requestId"));
    }

    @Test
    void anUnknownKeyIs401() {
        assertEquals(401, listMemories("rbk_not-a-real-key").status());
    }

    @Test
    void theKeyWorksInXApiKeyAndAsABearerToken() {
        Api.Tenant tenant = api.newTenant("bearer");

        Response viaHeader = listMemories(tenant.apiKey());
        Response viaBearer = api.send(HttpRequest.GET("/api/v1/memories").bearerAuth(tenant.apiKey()));

        assertEquals(200, viaHeader.status());
        assertEquals(200, viaBearer.status());
    }

    @Test
    void aRevokedKeyIs401AtOnce() {
        Api.Tenant tenant = api.newTenant("revoked");
        assertEquals(200, listMemories(tenant.apiKey()).status());

        Response revoked = api.send(HttpRequest.DELETE("/api/v1/admin/keys/" + tenant.apiKeyId()), TestService.ADMIN_KEY);
        Response after = listMemories(tenant.apiKey());

        assertEquals(200, revoked.status());
        assertNotNull(revoked.body().get("revoked_at"));
        assertEquals(401, after.status());
        assertTrue(((String) after.error().get("message")).contains("revoked"));
    }

    @Test
    void rotationIssuesANewKeyAndRetiresTheOldOne() {
        Api.Tenant tenant = api.newTenant("rotation");

        Response rotated = api.send(HttpRequest.POST("/api/v1/admin/keys/" + tenant.apiKeyId() + "/rotate", Map.of()),
                TestService.ADMIN_KEY);
        String newKey = (String) rotated.body().get("api_key");

        assertEquals(201, rotated.status());
        assertEquals(200, listMemories(newKey).status());
        assertEquals(401, listMemories(tenant.apiKey()).status());
    }

    @Test
    void rotationWithAGracePeriodKeepsTheOldKeyWorkingMeanwhile() {
        Api.Tenant tenant = api.newTenant("grace");

        Response rotated = api.send(HttpRequest.POST("/api/v1/admin/keys/" + tenant.apiKeyId() + "/rotate",
                Map.of("grace_seconds", 3600)), TestService.ADMIN_KEY);

        assertEquals(201, rotated.status());
        assertEquals(200, listMemories((String) rotated.body().get("api_key")).status());
        assertEquals(200, listMemories(tenant.apiKey()).status());
    }

    @Test
    void aSecondKeyReachesTheSameTenantsMemories() {
        Api.Tenant tenant = api.newTenant("two-keys");
        api.send(HttpRequest.POST("/api/v1/memories", Map.of("text", "shared by both keys")), tenant.apiKey());

        Response issued = api.send(HttpRequest.POST("/api/v1/admin/users/" + tenant.userId() + "/keys",
                Map.of("name", "ci")), TestService.ADMIN_KEY);
        Response listed = listMemories((String) issued.body().get("api_key"));

        assertEquals(201, issued.status());
        assertEquals(1, listed.body().get("total"));
    }

    @Test
    void keysAreListedWithoutSecretsAndLastUseIsRecordedInBatches() {
        Api.Tenant tenant = api.newTenant("listing");
        Response before = api.send(HttpRequest.GET("/api/v1/admin/users/" + tenant.userId() + "/keys"), TestService.ADMIN_KEY);
        listMemories(tenant.apiKey());

        usage.flush();
        Response after = api.send(HttpRequest.GET("/api/v1/admin/users/" + tenant.userId() + "/keys"), TestService.ADMIN_KEY);

        Map<String, Object> keyBefore = onlyKey(before);
        Map<String, Object> keyAfter = onlyKey(after);
        assertNull(keyBefore.get("last_used_at"), "authenticating does not write on the request path");
        assertNotNull(keyAfter.get("last_used_at"));
        assertFalse(keyAfter.containsKey("api_key"));
        assertFalse(after.body().toString().contains(tenant.apiKey()), "the secret is never listed");
        assertTrue(tenant.apiKey().startsWith((String) keyAfter.get("prefix")));
    }

    @Test
    void adminRoutesRefuseTenantKeysAndWrongAdminKeys() {
        Api.Tenant tenant = api.newTenant("not-an-admin");

        Response withTenantKey = api.send(HttpRequest.POST("/api/v1/admin/users", Map.of("name", "x")), tenant.apiKey());
        Response withoutKey = api.send(HttpRequest.POST("/api/v1/admin/users", Map.of("name", "x")), null);

        assertEquals(401, withTenantKey.status());
        assertEquals(401, withoutKey.status());
    }

    @Test
    void unknownUsersAndKeysAre404ForTheOperator() {
        Response keys = api.send(HttpRequest.GET("/api/v1/admin/users/00000000-0000-0000-0000-000000000000/keys"),
                TestService.ADMIN_KEY);
        Response revoke = api.send(HttpRequest.DELETE("/api/v1/admin/keys/00000000-0000-0000-0000-000000000000"),
                TestService.ADMIN_KEY);

        assertEquals(404, keys.status());
        assertEquals(404, revoke.status());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> onlyKey(Response listing) {
        List<Map<String, Object>> keys = (List<Map<String, Object>>) listing.body().get("keys");
        assertEquals(1, keys.size());
        return keys.get(0);
    }
}
