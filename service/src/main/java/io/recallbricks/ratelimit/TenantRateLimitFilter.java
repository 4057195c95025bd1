package io.recallbricks.ratelimit;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.recallbricks.auth.AuthenticationFilter;
import io.recallbricks.web.RoutePath;

/** The per-tenant tiers, once authentication has said who the tenant is: the user tier, then the expensive one. */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class TenantRateLimitFilter implements Ordered {

    private final RateLimiter limiter;

    public TenantRateLimitFilter(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    public void limit(HttpRequest<?> request) {
        if (!limiter.enabled() || Standing.exempt(request)) {
            return;
        }
        AuthenticationFilter.callerOf(request).ifPresent(caller -> {
            String user = caller.userId().toString();
            Standing.apply(request, limiter.consume(Tier.USER, user));
            if (Tier.EXPENSIVE_PATHS.contains(RoutePath.of(request))) {
                Standing.apply(request, limiter.consume(Tier.EXPENSIVE, user));
            }
        });
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.after();
    }
}
