package io.recallbricks.ratelimit;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.recallbricks.admin.AdminAuthenticationFilter;
import io.recallbricks.auth.ApiKeyAuthenticator;
import io.recallbricks.web.ClientAddress;

/**
 * The tiers taken before authentication. Every request that fails authentication (no key, a guess, a revoked key)
 * costs its client address a token; a request that does not present a key this instance knows to be valid is refused
 * at once while its address has none left, before the global bucket. A flood of bad keys from one address is thus
 * refused by its own bucket, before it reaches the database (unknown keys are also cached as unknown) and before it
 * can drain the global bucket every tenant shares. Valid keys never spend the address's tokens: many tenants behind
 * one address (or the load suite on loopback) re-authenticating after the key cache expires are not limited by it.
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
            String address = clientAddress.key(request);
            if (!limiter.peek(Tier.CLIENT, address).allowed()) {
                Standing.apply(request, limiter.consume(Tier.CLIENT, address)); // refused: counted, 429
            }
        }
        Standing.apply(request, limiter.consume(Tier.GLOBAL, ""));
    }

    /** A failed authentication costs the client's address a token (a local bucket, or one Redis call per 401). */
    @ResponseFilter
    public void chargeFailedAuthentication(HttpRequest<?> request, HttpResponse<?> response) {
        if (response.code() == HttpStatus.UNAUTHORIZED.getCode() && limiter.enabled()) {
            limiter.consume(Tier.CLIENT, clientAddress.key(request));
        }
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.before();
    }
}
