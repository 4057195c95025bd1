package io.recallbricks.admin;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.recallbricks.auth.ApiKeyAuthenticator;
import io.recallbricks.auth.ApiKeys;
import io.recallbricks.web.ApiException;
import io.recallbricks.web.ErrorCode;
import io.recallbricks.web.RoutePath;

/**
 * Operator routes accept only {@code ADMIN_API_KEY}, in the same headers tenants use for their keys. Decided on the
 * resolved route ({@link RoutePath}), so {@code /api/v1/admin/users/} or {@code /API/v1/admin/users} meet it too.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class AdminAuthenticationFilter implements Ordered {

    private final AdminSettings settings;

    public AdminAuthenticationFilter(AdminSettings settings) {
        this.settings = settings;
    }

    @RequestFilter
    public void authenticate(HttpRequest<?> request) {
        if (!isOperatorRoute(request)) {
            return;
        }
        if (!settings.enabled()) {
            throw new ApiException(ErrorCode.FORBIDDEN, "The admin API is disabled: set ADMIN_API_KEY to enable it.");
        }
        String presented = ApiKeyAuthenticator.presentedKey(request).orElseThrow(() ->
                new ApiException(ErrorCode.UNAUTHORIZED, "Admin routes need the operator key in X-API-Key."));
        if (!ApiKeys.sameSecret(presented, settings.apiKey())) {
            throw new ApiException(ErrorCode.UNAUTHORIZED, "Invalid admin key.");
        }
    }

    public static boolean isOperatorRoute(HttpRequest<?> request) {
        return request.getMethod() != HttpMethod.OPTIONS && RoutePath.isUnder(RoutePath.of(request), "/api/v1/admin");
    }

    /** True when the request presents the operator key (a cheap, constant-time comparison; no lookup). */
    public boolean presentsAdminKey(HttpRequest<?> request) {
        return settings.enabled() && ApiKeyAuthenticator.presentedKey(request)
                .map(presented -> ApiKeys.sameSecret(presented, settings.apiKey())).orElse(false);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order();
    }
}
