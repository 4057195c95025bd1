package io.recallbricks.ratelimit;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/** The global tier, before authentication: a flood of bad keys is refused before it reaches the database. */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class GlobalRateLimitFilter implements Ordered {

    private final RateLimiter limiter;

    public GlobalRateLimitFilter(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING) // a shared bucket is a Redis round trip
    public void limit(HttpRequest<?> request) {
        if (limiter.enabled() && !Standing.exempt(request)) {
            Standing.apply(request, limiter.consume(Tier.GLOBAL, ""));
        }
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }
}
