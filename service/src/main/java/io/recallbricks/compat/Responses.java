package io.recallbricks.compat;

import io.micronaut.http.MutableHttpResponse;

/** Helpers of the response adapters. */
final class Responses {

    private Responses() {
    }

    /** Swaps the body a controller returned for its SDK-compatible superset, before it is encoded. */
    @SuppressWarnings("unchecked")
    static void replaceBody(MutableHttpResponse<?> response, Object body) {
        ((MutableHttpResponse<Object>) response).body(body);
    }
}
