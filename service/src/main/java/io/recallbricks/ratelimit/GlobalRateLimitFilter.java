package io.recallbricks.ratelimit;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.recallbricks.admin.AdminAuthenticationFilter;
import io.recallbricks.auth.ApiKeyAuthenticator;
import io.recallbricks.web.ClientAddress;

/**
 * The tiers taken before authentication. A request that does not present a key this instance knows to be valid
 * (none, a guess, or one not looked up yet) first takes a token from its client address's bucket; only then one from
 * the global bucket. A flood of bad keys from one address is thus refused by its own bucket, before it reaches the
 * database (unknown keys are also cached as unknown) and before it can drain the global bucket every tenant shares.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class GlobalRateLimitFilter implements Ordered {

    private final RateLimiter limiter;
    private final ApiKeyAuthenticator authenticator;
    private final AdminAuthenticationFilter admin;
    private final ClientAddress clientAddress;

    public GlobalRateLimitFilter(RateLimiter limiter, ApiKeyAuthenticator authenticator, AdminAuthenticationFilter admin,
                                 ClientAddress clientAddress) {
        this.limiter = limiter;
        this.authenticator = authenticator;
        this.admin = admin;
        this.clientAddress = clientAddress;
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING) // a shared bucket is a Redis round trip
    public void limit(HttpRequest<?> request) {
        if (!limiter.enabled() || Standing.exempt(request)) {
            return;
        }
        if (!authenticator.knowsValid(request) && !admin.presentsAdminKey(request)) {
            Standing.apply(request, limiter.consume(Tier.CLIENT, clientAddress.key(request)));
        }
        Standing.apply(request, limiter.consume(Tier.GLOBAL, ""));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }
}
