package io.recallbricks.compat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.recallbricks.retrieval.SuggestService;

/** Gives each item of {@code POST /api/v1/memories/suggest} the SDKs' field names beside the original's. */
@ServerFilter("/api/v1/memories/suggest")
public class SuggestionsAdapter {

    @ResponseFilter
    public void addSdkFields(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.body() instanceof SuggestService.Response original) {
            Responses.replaceBody(response, SdkSuggestResponse.of(original));
        }
    }
}
