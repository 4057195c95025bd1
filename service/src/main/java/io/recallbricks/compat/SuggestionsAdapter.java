package io.recallbricks.compat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.recallbricks.retrieval.SuggestService;

/**
 * Gives each item of {@code POST /api/v1/memories/suggest} the SDKs' field names beside the original's. It looks at
 * every response (the body's type says whether it is a suggestion list), so {@code /memories/suggest/} gets the
 * same shape as {@code /memories/suggest}.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class SuggestionsAdapter {

    @ResponseFilter
    public void addSdkFields(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.body() instanceof SuggestService.Response original) {
            Responses.replaceBody(response, SdkSuggestResponse.of(original));
        }
    }
}
