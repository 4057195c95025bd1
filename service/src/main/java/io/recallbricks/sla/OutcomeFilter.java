package io.recallbricks.sla;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.recallbricks.observability.HttpMetricsFilter;

/**
 * Feeds {@link RequestOutcomes} with every API request. Probes, scrapes and the SLA/alert routes themselves are
 * operations traffic, not service the SLA promises, so they are left out.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class OutcomeFilter implements Ordered {

    private static final String START = "recallbricks.outcome.start";

    private final RequestOutcomes outcomes;

    public OutcomeFilter(RequestOutcomes outcomes) {
        this.outcomes = outcomes;
    }

    @RequestFilter
    public void start(HttpRequest<?> request) {
        request.setAttribute(START, System.nanoTime());
    }

    @ResponseFilter
    public void record(HttpRequest<?> request, HttpResponse<?> response) {
        String path = request.getPath();
        if (path.startsWith("/health") || path.equals("/metrics") || path.equals("/sla") || path.equals("/alerts")) {
            return;
        }
        long start = request.getAttribute(START, Long.class).orElse(System.nanoTime());
        outcomes.record(request.getMethodName() + " " + HttpMetricsFilter.route(request), response.code(),
                (System.nanoTime() - start) / 1000);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.after();
    }
}
