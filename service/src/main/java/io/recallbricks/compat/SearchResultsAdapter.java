package io.recallbricks.compat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.recallbricks.auth.AuthenticationFilter;
import io.recallbricks.auth.Caller;
import io.recallbricks.retrieval.SearchService;
import io.recallbricks.retrieval.WeightsRepository;

/**
 * Adds {@code results[]} to the answer of {@code /api/v1/memories/search}: the Python SDK's {@code search()} reads
 * the original's {@code memories[]} from this route and its {@code search_weighted()} reads {@code results[]} from
 * the same route, so both must be there. The search itself is the retrieval code's, untouched.
 */
@ServerFilter("/api/v1/memories/search")
public class SearchResultsAdapter {

    private final WeightsRepository weights;

    public SearchResultsAdapter(WeightsRepository weights) {
        this.weights = weights;
    }

    @ResponseFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    public void addResults(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (!(response.body() instanceof SearchService.Response original)) {
            return;
        }
        Caller caller = request.getAttribute(AuthenticationFilter.CALLER_ATTRIBUTE, Caller.class).orElseThrow();
        Responses.replaceBody(response,
                new SdkSearchResponse(original, SdkSearchResult.of(original.memories(), weights.weights(caller.userId()))));
    }
}
