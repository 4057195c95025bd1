package io.recallbricks.web;

import io.micronaut.context.propagation.slf4j.MdcPropagationContext;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.propagation.MutablePropagatedContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

import java.util.Map;

/**
 * Puts the request id into the logging MDC for everything the request runs, on whichever thread, so each log line
 * (a JSON field with LOG_FORMAT=json) names the request that wrote it.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class LoggingContextFilter implements Ordered {

    public static final String MDC_KEY = "requestId";

    @RequestFilter
    public void addRequestId(HttpRequest<?> request, MutablePropagatedContext context) {
        context.add(new MdcPropagationContext(Map.of(MDC_KEY, RequestIds.of(request))));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 1; // right after RequestIdFilter
    }
}
