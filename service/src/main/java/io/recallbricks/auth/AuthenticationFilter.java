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
