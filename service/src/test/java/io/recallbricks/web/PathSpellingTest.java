package io.recallbricks.web;

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
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13: access rules and rate-limit tiers hold for every spelling of a path. Each protected and each limited
 * route is sent as written, with a trailing slash, a doubled slash, in upper case and percent-encoded; each spelling
 * must meet the rule of the route (the filters used to match raw path patterns, so {@code GET /metrics/} served the
 * whole scrape to anyone).
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PathSpellingTest implements TestPropertyProvider {

    private static final String ANY_ID = UUID.randomUUID().toString();

    /** Every tenant route (method, path), as the controllers declare them. */
    static final List<String[]> TENANT_ROUTES = List.of(
            new String[]{"POST", "/api/v1/memories"}, new String[]{"GET", "/api/v1/memories"},
            new String[]{"GET", "/api/v1/memories/" + ANY_ID}, new String[]{"PUT", "/api/v1/memories/" + ANY_ID},
            new String[]{"PATCH", "/api/v1/memories/" + ANY_ID}, new String[]{"DELETE", "/api/v1/memories/" + ANY_ID},
            new String[]{"POST", "/api/v1/memories/search"}, new String[]{"GET", "/api/v1/memories/search"},
            new String[]{"GET", "/api/v1/memories/predict"}, new String[]{"POST", "/api/v1/memories/predict"},
            new String[]{"POST", "/api/v1/memories/suggest"}, new String[]{"POST", "/api/v1/memories/recall"},
            new String[]{"POST", "/api/v1/memories/search-weighted"}, new String[]{"POST", "/api/v1/memories/learn"},
            new String[]{"POST", "/api/v1/memories/" + ANY_ID + "/feedback"},
            new String[]{"GET", "/api/v1/memories/" + ANY_ID + "/relationships"},
            new String[]{"GET", "/api/v1/memories/" + ANY_ID + "/graph"},
            new String[]{"GET", "/api/v1/memories/meta/patterns"}, new String[]{"POST", "/api/v1/search"},
            new String[]{"POST", "/api/v1/context"}, new String[]{"GET", "/api/v1/learning/metrics"},
            new String[]{"GET", "/api/v1/learning/maintenance-suggestions"}, new String[]{"POST", "/api/v1/learning/analyze"},
            new String[]{"POST", "/api/v1/relationships"}, new String[]{"GET", "/api/v1/relationships/types"},
            new String[]{"GET", "/api/v1/relationships/memory/" + ANY_ID},
            new String[]{"GET", "/api/v1/relationships/graph/" + ANY_ID},
            new String[]{"DELETE", "/api/v1/relationships/" + ANY_ID},
            new String[]{"GET", "/api/v1/analytics/learning-metrics"}, new String[]{"GET", "/api/v1/analytics/patterns"},
            new String[]{"GET", "/api/v1/rate-limit"});

    static final List<String[]> ADMIN_ROUTES = List.of(
            new String[]{"POST", "/api/v1/admin/users"}, new String[]{"GET", "/api/v1/admin/users/" + ANY_ID + "/keys"},
            new String[]{"POST", "/api/v1/admin/users/" + ANY_ID + "/keys"},
            new String[]{"POST", "/api/v1/admin/keys/" + ANY_ID + "/rotate"},
            new String[]{"DELETE", "/api/v1/admin/keys/" + ANY_ID},
            new String[]{"GET", "/api/v1/admin/circuit-breakers"},
            new String[]{"POST", "/api/v1/admin/circuit-breakers/database/reset"},
            new String[]{"POST", "/api/v1/admin/learning/analyze"});

    static final List<String> OPERATOR_ROUTES = List.of("/metrics", "/sla", "/alerts");

    /** The expensive tier: everything whose cost is an order of magnitude above a CRUD call. */
    static final List<String[]> EXPENSIVE_ROUTES = List.of(
            new String[]{"GET", "/api/v1/memories/predict"}, new String[]{"POST", "/api/v1/memories/predict"},
            new String[]{"POST", "/api/v1/memories/suggest"}, new String[]{"POST", "/api/v1/memories/recall"},
            new String[]{"POST", "/api/v1/memories/search-weighted"}, new String[]{"POST", "/api/v1/memories/learn"},
            new String[]{"POST", "/api/v1/learning/analyze"}, new String[]{"GET", "/api/v1/learning/maintenance-suggestions"});

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        return TestService.properties(Map.of(
                "METRICS_ALLOWED_NETWORKS", "10.0.0.0/8", // loopback is not in it
                "EXPENSIVE_RATE_LIMIT", "5",
                "CLIENT_RATE_LIMIT", "100000")); // this test sends thousands of keyless requests from loopback
    }

    @Test
    void operatorRoutesRefuseEverySpellingOutsideTheAllowedNetworks() {
        RawHttp raw = new RawHttp(server);
        List<String> leaks = new ArrayList<>();
        for (String route : OPERATOR_ROUTES) {
            RawHttp.spellings(route).forEach((spelling, path) -> {
                HttpResponse<String> response = raw.send("GET", path, null);
                if (response.statusCode() != 403) {
                    leaks.add("GET " + path + " (" + spelling + ") -> " + response.statusCode());
                }
            });
        }
        assertTrue(leaks.isEmpty(), String.join("\n", leaks));
    }

    @Test
    void tenantRoutesAskForAKeyWhateverTheSpelling() {
        RawHttp raw = new RawHttp(server);
        List<String> leaks = new ArrayList<>();
        for (String[] route : TENANT_ROUTES) {
            RawHttp.spellings(route[1]).forEach((spelling, path) -> {
                HttpResponse<String> response = raw.send(route[0], path, body(route[0]));
                if (response.statusCode() != 401) {
                    leaks.add(route[0] + " " + path + " (" + spelling + ") -> " + response.statusCode());
                }
            });
        }
        assertTrue(leaks.isEmpty(), String.join("\n", leaks));
    }

    @Test
    void adminRoutesRefuseATenantKeyWhateverTheSpelling() {
        Api.Tenant tenant = new Api(client).newTenant("spelling-admin");
        RawHttp raw = new RawHttp(server);
        List<String> leaks = new ArrayList<>();
        for (String[] route : ADMIN_ROUTES) {
            RawHttp.spellings(route[1]).forEach((spelling, path) -> {
                HttpResponse<String> response = raw.send(route[0], path, body(route[0]), "X-API-Key", tenant.apiKey());
                if (response.statusCode() != 401) {
                    leaks.add(route[0] + " " + path + " (" + spelling + ") -> " + response.statusCode());
                }
            });
        }
        assertTrue(leaks.isEmpty(), String.join("\n", leaks));
    }

    /** The table's row: 8 × POST /memories/suggest/ with EXPENSIVE_RATE_LIMIT=5 → at least 3 × 429; every route alike. */
    @Test
    void everyExpensiveRouteCountsInTheExpensiveTierWhateverTheSpelling() {
        RawHttp raw = new RawHttp(server);
        List<String> escapes = new ArrayList<>();
        for (String[] route : EXPENSIVE_ROUTES) {
            for (String spelling : List.of("as written", "trailing slash", "double slash", "inner double slash",
                    "upper case", "percent-encoded")) {
                Api.Tenant tenant = new Api(client).newTenant("spelling-" + spelling);
                String path = RawHttp.spellings(route[1]).get(spelling);
                int refused = 0;
                List<Integer> served = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    HttpResponse<String> response = raw.send(route[0], path, body(route[0]), "X-API-Key", tenant.apiKey());
                    if (response.statusCode() == 429) {
                        assertTrue(response.body().contains("expensive"), response.body());
                        refused++;
                    } else if (response.statusCode() < 300) {
                        served.add(response.statusCode());
                    }
                }
                // A spelling the router sends elsewhere (GET /memories/%70redict is GET /memories/{id}, a 400) never
                // reaches the costly work; one that reaches it must meet the tier.
                if (refused < 3 && !served.isEmpty()) {
                    escapes.add(route[0] + " " + path + " (" + spelling + "): " + refused + " of 8 refused, "
                            + served.size() + " served");
                }
            }
        }
        assertEquals(List.of(), escapes);
    }

    private static String body(String method) {
        return method.equals("POST") || method.equals("PUT") || method.equals("PATCH") ? "{\"text\":\"x\",\"query\":\"x\"}" : null;
    }
}
