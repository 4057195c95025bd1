package io.recallbricks.contract;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import io.recallbricks.testing.RawHttp;
import io.recallbricks.testing.TestService;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.Yaml;

import java.net.http.HttpResponse;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 13: the contract is published (GET /openapi.yml, generated at build time, browsable at /swagger-ui/) and
 * covers every route the service serves: a controller method missing from the document fails this test.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenApiContractTest implements TestPropertyProvider {

    @Inject
    EmbeddedServer server;

    @Inject
    Router router;

    @Override
    public Map<String, String> getProperties() {
        return TestService.properties();
    }

    @Test
    @SuppressWarnings("unchecked")
    void theDocumentCoversEveryRouteTheRouterServes() {
        HttpResponse<String> published = new RawHttp(server).send("GET", "/openapi.yml", null);
        assertEquals(200, published.statusCode());
        Map<String, Object> document = new Yaml().load(published.body());
        assertTrue(String.valueOf(document.get("openapi")).startsWith("3."), "an OpenAPI 3 document");
        Map<String, Map<String, Object>> paths = (Map<String, Map<String, Object>>) document.get("paths");

        Set<String> documented = new TreeSet<>();
        paths.forEach((path, operations) -> operations.keySet()
                .forEach(method -> documented.add(method.toUpperCase(Locale.ROOT) + " " + path)));
        Set<String> missing = new TreeSet<>();
        router.uriRoutes().forEach(route -> {
            String key = operation(route);
            if (key != null && !documented.contains(key)) {
                missing.add(key);
            }
        });

        assertEquals(Set.of(), missing, "routes the service serves but the published contract leaves out (it has "
                + documented + ")");
    }

    @Test
    void theContractCanBeBrowsed() {
        HttpResponse<String> ui = new RawHttp(server).send("GET", "/swagger-ui/index.html", null);

        assertEquals(200, ui.statusCode());
        assertTrue(ui.body().contains("swagger-ui"), ui.body());
        assertTrue(ui.body().contains("recallbricks.yml"), "the view loads the generated document");
    }

    /**
     * "METHOD /path/{var}" of a production route; null for test-only controllers, the document itself and the HEAD
     * routes the router adds for each GET.
     */
    private static String operation(UriRouteInfo<?, ?> route) {
        String declaring = route.getTargetMethod().getDeclaringType().getName();
        if (!declaring.startsWith("io.recallbricks.") || declaring.startsWith("io.recallbricks.testing.")
                || declaring.equals(OpenApiController.class.getName())
                || route.getHttpMethodName().equals("HEAD")) { // Micronaut's implicit HEAD beside every GET

            return null;
        }
        String template = route.getUriMatchTemplate().toString();
        int query = template.indexOf("{?");
        return route.getHttpMethodName() + " " + (query < 0 ? template : template.substring(0, query));
    }
}
