package io.recallbricks.auth;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.recallbricks.web.RoutePath;

/**
 * Authenticates every tenant route under {@code /api}. Operator routes ({@code /api/v1/admin}) have their own
 * credential ({@link io.recallbricks.admin.AdminAuthenticationFilter}); the SDK's health probe is public. The filter
 * sees every request and decides on the resolved route ({@link RoutePath}), so no spelling of a path skips it.
 * OPTIONS (CORS preflight, which browsers send without the key) is answered without a key lookup.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class AuthenticationFilter implements Ordered {

    public static final String CALLER_ATTRIBUTE = "recallbricks.caller";

    private final ApiKeyAuthenticator authenticator;

    public AuthenticationFilter(ApiKeyAuthenticator authenticator) {
        this.authenticator = authenticator;
    }

    /** The tenant a request authenticated as; empty on public and operator routes, and before authentication. */
    public static java.util.Optional<Caller> callerOf(HttpRequest<?> request) {
        return request.getAttribute(CALLER_ATTRIBUTE, Caller.class);
    }

    @RequestFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    public void authenticate(HttpRequest<?> request) {
        if (!needsTenantKey(request)) {
            return;
        }
        request.setAttribute(CALLER_ATTRIBUTE, authenticator.authenticate(request));
    }

    /** A tenant route: under /api, neither an operator route nor the SDK's public health probe, and not OPTIONS. */
    public static boolean needsTenantKey(HttpRequest<?> request) {
        if (request.getMethod() == HttpMethod.OPTIONS) {
            return false;
        }
        String path = RoutePath.of(request);
        return RoutePath.isUnder(path, "/api") && !RoutePath.isUnder(path, "/api/v1/admin")
                && !path.equals("/api/v1/health");
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order();
    }
}
