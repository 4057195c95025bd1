package io.recallbricks.compat;

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
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The routes only the SDKs call, at their edges: bad input is a 400 naming the field, another tenant's ids are
 * 404s, and the original routes next to them are unchanged.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SdkRoutesTest implements TestPropertyProvider {

    @Inject
    @Client("/")
    HttpClient http;

    Api api;
    Api.Tenant tenant;
    Api.Tenant stranger;

    @Override
    public Map<String, String> getProperties() {
        return TestService.properties(Map.of("USER_RATE_LIMIT", "100000", "EXPENSIVE_RATE_LIMIT", "100000"));
    }

    @BeforeAll
    void setUp() {
        api = new Api(http);
        tenant = api.newTenant("sdk-routes");
        stranger = api.newTenant("sdk-routes-stranger");
    }

    private Response send(io.micronaut.http.MutableHttpRequest<?> request) {
        return api.send(request, tenant.apiKey());
    }

    private String save(String text) {
        return (String) send(HttpRequest.POST("/api/v1/memories", Map.of("text", text))).body().get("id");
    }

    @Test
    void patchChangesOnlyWhatItSendsLikePut() {
        String id = (String) send(HttpRequest.POST("/api/v1/memories",
                Map.of("text", "Patch me", "tags", List.of("t"), "metadata", Map.of("a", 1)))).body().get("id");

        Response patched = send(HttpRequest.PATCH("/api/v1/memories/" + id, Map.of("metadata", Map.of("b", 2))));

        assertEquals(200, patched.status());
        assertEquals("Patch me", patched.body().get("text"));
        assertEquals(List.of("t"), patched.body().get("tags"));
        assertEquals(Map.of("a", 1, "b", 2), patched.body().get("metadata"));
        assertEquals(404, api.send(HttpRequest.PATCH("/api/v1/memories/" + id, Map.of("text", "x")), stranger.apiKey()).status());
        assertEquals("VALIDATION_ERROR", send(HttpRequest.PATCH("/api/v1/memories/" + id, Map.of())).errorCode());
    }

    @Test
    void anEmptyPageStillListsMemories() {
        Api.Tenant empty = api.newTenant("sdk-routes-empty");
        Response page = api.send(HttpRequest.GET("/api/v1/memories"), empty.apiKey());

        assertEquals(List.of(), page.body().get("memories"), "the TypeScript SDK iterates it unchecked");
        assertEquals(0, page.body().get("total"));
    }

    @Test
    void listingsSortAsTheTypeScriptSdkAsks() {
        Api.Tenant own = api.newTenant("sdk-routes-sort");
        for (String text : List.of("one", "two", "three")) {
            api.send(HttpRequest.POST("/api/v1/memories", Map.of("text", text)), own.apiKey());
        }
        String first = (String) ((List<Map<String, Object>>) api.send(HttpRequest.GET("/api/v1/memories?sort=asc"), own.apiKey())
                .body().get("memories")).get(0).get("text");
        api.send(HttpRequest.PUT("/api/v1/memories/" + ((List<Map<String, Object>>) api.send(
                HttpRequest.GET("/api/v1/memories?sort=asc&limit=1"), own.apiKey()).body().get("memories")).get(0).get("id"),
                Map.of("text", "one, edited")), own.apiKey());
        Response byUpdate = api.send(HttpRequest.GET("/api/v1/memories?sort=desc&sortBy=updated_at"), own.apiKey());

        assertEquals("one", first);
        assertEquals(List.of("one, edited", "three", "two"),
                ((List<Map<String, Object>>) byUpdate.body().get("memories")).stream().map(m -> m.get("text")).toList());
        assertEquals(400, api.send(HttpRequest.GET("/api/v1/memories?sort=up"), own.apiKey()).status());
        assertEquals(400, api.send(HttpRequest.GET("/api/v1/memories?sortBy=text"), own.apiKey()).status());
    }

    @Test
    void theTypeScriptTimestampMustBeIsoWithAnOffset() {
        Response bad = send(HttpRequest.POST("/api/v1/memories", Map.of("text", "t", "timestamp", "yesterday")));

        assertEquals(400, bad.status());
        assertEquals("timestamp", ((Map<?, ?>) bad.error().get("details")).get("field"));
    }

    @Test
    void aUserIdInTheBodyMustBeTheCallers() {
        Map<String, Object> foreign = Map.of("query", "x", "user_id", stranger.userId().toString());
        Map<String, Object> own = Map.of("query", "x", "user_id", tenant.userId().toString());

        assertEquals(400, send(HttpRequest.POST("/api/v1/memories/recall", foreign)).status());
        assertEquals(200, send(HttpRequest.POST("/api/v1/memories/recall", own)).status());
        assertEquals(400, send(HttpRequest.POST("/api/v1/memories/predict", Map.of("user_id", stranger.userId().toString()))).status());
    }

    @Test
    void predictChecksTheRecentIds() {
        String theirs = (String) api.send(HttpRequest.POST("/api/v1/memories", Map.of("text", "Not yours")), stranger.apiKey())
                .body().get("id");

        Response notAnId = send(HttpRequest.POST("/api/v1/memories/predict", Map.of("recent_memory_ids", List.of("nope"))));
        Response foreign = send(HttpRequest.POST("/api/v1/memories/predict", Map.of("recent_memory_ids", List.of(theirs))));
        Response tooMany = send(HttpRequest.POST("/api/v1/memories/predict", Map.of("limit", 101)));

        assertEquals(400, notAnId.status());
        assertEquals("recent_memory_ids", ((Map<?, ?>) notAnId.error().get("details")).get("parameter"));
        assertEquals(404, foreign.status());
        assertEquals(400, tooMany.status());
    }

    @Test
    void predictWithNothingToGoOnAnswersAnEmptyList() {
        Response empty = send(HttpRequest.POST("/api/v1/memories/predict", Map.of()));

        assertEquals(200, empty.status());
        assertEquals(List.of(), empty.body().get("predictions"));
        assertEquals(0, empty.body().get("count"));
    }

    @Test
    void searchWeightedNeedsAQuery() {
        Response missing = send(HttpRequest.POST("/api/v1/memories/search-weighted", Map.of("limit", 5)));
        Response outOfRange = send(HttpRequest.POST("/api/v1/memories/search-weighted",
                Map.of("query", "x", "min_helpfulness_score", 2)));

        assertEquals(400, missing.status());
        assertEquals("MISSING_PARAMETER", missing.errorCode());
        assertEquals(400, outOfRange.status());
    }

    @Test
    void theGraphAcceptsTheSdksDepthsAndStopsAtThree() {
        String a = save("Depth a");
        String b = save("Depth b");
        String c = save("Depth c");
        String d = save("Depth d");
        String e = save("Depth e");
        for (String[] edge : new String[][]{{a, b}, {b, c}, {c, d}, {d, e}}) {
            send(HttpRequest.POST("/api/v1/relationships", Map.of("memory_id", edge[0], "related_memory_id", edge[1],
                    "relationship_type", "follows", "strength", 0.9)));
        }

        Response deep = send(HttpRequest.GET("/api/v1/memories/" + a + "/graph?depth=10"));
        Response tooDeep = send(HttpRequest.GET("/api/v1/memories/" + a + "/graph?depth=11"));

        assertEquals(200, deep.status(), deep.body().toString());
        assertEquals(3, deep.body().get("depth"));
        assertEquals(4, deep.body().get("total_nodes"), "a, b, c, d: three levels from a");
        assertEquals(400, tooDeep.status());
        assertEquals(404, api.send(HttpRequest.GET("/api/v1/memories/" + a + "/graph"), stranger.apiKey()).status());
        assertEquals(404, api.send(HttpRequest.GET("/api/v1/memories/" + a + "/relationships"), stranger.apiKey()).status());
    }

    @Test
    void learnRejectsMetadataTagsThatAreNotStrings() {
        Response bad = send(HttpRequest.POST("/api/v1/memories/learn", Map.of("text", "x", "metadata", Map.of("tags", "one"))));
        Response empty = send(HttpRequest.POST("/api/v1/memories/learn", Map.of("text", " ")));

        assertEquals(400, bad.status());
        assertEquals("metadata.tags", ((Map<?, ?>) bad.error().get("details")).get("field"));
        assertEquals(400, empty.status());
        assertEquals("text", ((Map<?, ?>) empty.error().get("details")).get("field"));
    }

    @Test
    void analyticsCheckDays() {
        assertEquals(400, send(HttpRequest.GET("/api/v1/analytics/patterns?days=0")).status());
        assertEquals(400, send(HttpRequest.GET("/api/v1/analytics/learning-metrics?days=abc")).status());
        Response metrics = send(HttpRequest.GET("/api/v1/analytics/learning-metrics?days=7"));
        assertEquals(200, metrics.status());
        assertTrue(metrics.body().containsKey("current_stats"), "the same answer as /learning/metrics");
    }

    @Test
    void theOriginalRoutesKeepTheirShapes() {
        String id = save("Original shapes: nightly backup");
        Response get = send(HttpRequest.GET("/api/v1/memories/predict?current_context=nightly%20backup"));
        Response search = send(HttpRequest.POST("/api/v1/memories/search", Map.of("query", "nightly backup")));

        assertEquals(200, get.status());
        assertTrue(get.body().containsKey("predictions"));
        assertTrue(search.body().containsKey("search_method"));
        assertEquals(id, ((List<Map<String, Object>>) search.body().get("memories")).get(0).get("id"));
        assertEquals(id, ((Map<?, ?>) ((List<Map<String, Object>>) search.body().get("results")).get(0).get("memory")).get("id"));
    }
}
