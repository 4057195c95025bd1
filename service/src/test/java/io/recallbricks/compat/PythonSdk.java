package io.recallbricks.compat;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import io.recallbricks.testing.Api;

import java.util.Map;

/**
 * Sends requests exactly as the official Python SDK's {@code RecallBricks} client does
 * ({@code shared/reference/python-sdk-contract.md}): every path relative to {@code base_url = .../api/v1}, and the
 * session headers {@code X-API-Key} and {@code Content-Type: application/json} on every call, GET and DELETE
 * included. Bodies are what each method builds.
 */
final class PythonSdk {

    static final String BASE = "/api/v1";

    private final Api api;
    private final String apiKey;

    PythonSdk(Api api, String apiKey) {
        this.api = api;
        this.apiKey = apiKey;
    }

    Api.Response get(String path) {
        return send(HttpMethod.GET, path, null);
    }

    Api.Response delete(String path) {
        return send(HttpMethod.DELETE, path, null);
    }

    Api.Response post(String path, Map<String, Object> json) {
        return send(HttpMethod.POST, path, json);
    }

    Api.Response put(String path, Map<String, Object> json) {
        return send(HttpMethod.PUT, path, json);
    }

    Api.Response send(HttpMethod method, String path, Map<String, Object> json) {
        MutableHttpRequest<Object> request = HttpRequest.create(method, BASE + path);
        if (json != null) {
            request.body(json);
        }
        request.header("X-API-Key", apiKey);
        request.header("Content-Type", "application/json");
        return api.send(request);
    }
}
