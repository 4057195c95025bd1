package io.recallbricks.testing;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpRequest;
import io.micronaut.http.client.BlockingHttpClient;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.exceptions.HttpClientResponseException;

import java.util.Map;
import java.util.UUID;

/**
 * A black-box client of the service for tests: sends a request as a tenant (or the operator) and returns the
 * response whatever its status, with the JSON body as a map.
 */
public final class Api {

    private final BlockingHttpClient client;

    public Api(HttpClient client) {
        this.client = client.toBlocking();
    }

    public record Response(int status, Map<String, Object> body, HttpResponse<?> raw) {
        @SuppressWarnings("unchecked")
        public Map<String, Object> error() {
            return (Map<String, Object>) body.get("error");
        }

        public String errorCode() {
            return (String) error().get("code");
        }
    }

    /** A tenant created through the admin API. */
    public record Tenant(UUID userId, String apiKey, UUID apiKeyId) {
    }

    public Tenant newTenant(String name) {
        Response created = send(HttpRequest.POST("/api/v1/admin/users", Map.of("name", name)), TestService.ADMIN_KEY);
        if (created.status() != 201) {
            throw new IllegalStateException("Could not create tenant: " + created);
        }
        return new Tenant(UUID.fromString((String) created.body().get("user_id")), (String) created.body().get("api_key"),
                UUID.fromString((String) created.body().get("api_key_id")));
    }

    public Response send(MutableHttpRequest<?> request, String apiKey) {
        if (apiKey != null) {
            request.header("X-API-Key", apiKey);
        }
        return send(request);
    }

    public Response send(MutableHttpRequest<?> request) {
        try {
            HttpResponse<Map<String, Object>> response = client.exchange(request, Argument.mapOf(String.class, Object.class));
            return new Response(response.code(), response.getBody().orElse(Map.of()), response);
        } catch (HttpClientResponseException e) {
            HttpResponse<?> response = e.getResponse();
            Map<String, Object> body = response.getBody(Argument.mapOf(String.class, Object.class)).orElse(Map.of());
            return new Response(response.code(), body, response);
        }
    }

    /** A scrape of /metrics, from loopback (which the default METRICS_ALLOWED_NETWORKS admits). */
    public Metrics metrics() {
        HttpResponse<String> scrape = text(HttpRequest.GET("/metrics"));
        if (scrape.code() != 200) {
            throw new IllegalStateException("/metrics answered " + scrape.code());
        }
        return new Metrics(scrape.body());
    }

    /** Raw text of a response, for routes that do not answer JSON. */
    public HttpResponse<String> text(MutableHttpRequest<?> request) {
        try {
            return client.exchange(request, String.class);
        } catch (HttpClientResponseException e) {
            return (HttpResponse<String>) e.getResponse();
        }
    }
}
