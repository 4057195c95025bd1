package io.recallbricks.ratelimit;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/**
 * Writes {@code X-RateLimit-Limit/Remaining/Reset} on every response that went through a limit, 429s included.
 * It sits outside the limiting filters because a filter that refuses a request never sees its own response.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class RateLimitHeadersFilter implements Ordered {

    @ResponseFilter
    public void headers(HttpRequest<?> request, MutableHttpResponse<?> response) {
        Standing.writeHeaders(request, response);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.METRICS.order();
    }
}
