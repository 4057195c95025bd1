package io.recallbricks.observability;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.recallbricks.web.ApiException;
import io.recallbricks.web.ErrorCode;

/**
 * {@code /metrics}, {@code /sla} and {@code /alerts} only for operators ({@link OperatorAccess}): the scrape names
 * routes, breakers and pool sizes, the others per-route latencies and firing alerts; nothing a tenant should read.
 * The filter sees every request and decides on the resolved route, so no spelling of the path gets around it.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class MetricsAccessFilter implements Ordered {

    private final OperatorAccess access;

    public MetricsAccessFilter(OperatorAccess access) {
        this.access = access;
    }

    @RequestFilter
    public void checkAccess(HttpRequest<?> request) {
        if (OperatorAccess.isOperatorRoute(request) && !access.permits(request)) {
            throw new ApiException(ErrorCode.FORBIDDEN, "/metrics, /sla and /alerts are served to internal networks "
                    + "only (METRICS_ALLOWED_NETWORKS) or with the metrics token.");
        }
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order();
    }
}
