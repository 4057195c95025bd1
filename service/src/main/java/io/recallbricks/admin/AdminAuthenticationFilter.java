package io.recallbricks.admin;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.recallbricks.auth.ApiKeyAuthenticator;
import io.recallbricks.auth.ApiKeys;
import io.recallbricks.web.ApiException;
import io.recallbricks.web.ErrorCode;

/** Operator routes accept only {@code ADMIN_API_KEY}, in the same headers tenants use for their keys. */
@ServerFilter(patterns = {"/api/v1/admin", "/api/v1/admin/**"})
public class AdminAuthenticationFilter implements Ordered {

    private final AdminSettings settings;

    public AdminAuthenticationFilter(AdminSettings settings) {
        this.settings = settings;
    }

    @RequestFilter
    public void authenticate(HttpRequest<?> request) {
        if (!settings.enabled()) {
            throw new ApiException(ErrorCode.FORBIDDEN, "The admin API is disabled: set ADMIN_API_KEY to enable it.");
        }
        String presented = ApiKeyAuthenticator.presentedKey(request).orElseThrow(() ->
                new ApiException(ErrorCode.UNAUTHORIZED, "Admin routes need the operator key in X-API-Key."));
        if (!ApiKeys.sameSecret(presented, settings.apiKey())) {
            throw new ApiException(ErrorCode.UNAUTHORIZED, "Invalid admin key.");
        }
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order();
    }
}
