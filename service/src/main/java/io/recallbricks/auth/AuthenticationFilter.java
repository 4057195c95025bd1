package io.recallbricks.auth;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

/**
 * Authenticates every tenant route under {@code /api}. Operator routes ({@code /api/v1/admin}) have their own
 * credential ({@link io.recallbricks.admin.AdminAuthenticationFilter}); the SDK's health probe is public.
 */
@ServerFilter(patterns = "/api/**")
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
        String path = request.getPath();
        if (path.startsWith("/api/v1/admin/") || path.equals("/api/v1/admin") || path.equals("/api/v1/health")) {
            return;
        }
        request.setAttribute(CALLER_ATTRIBUTE, authenticator.authenticate(request));
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order();
    }
}
