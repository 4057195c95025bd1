package io.recallbricks.observability;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.recallbricks.auth.ApiKeys;
import io.recallbricks.web.ApiException;
import io.recallbricks.web.ErrorCode;

import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;

/**
 * {@code /metrics} only for scrapers on the allowed networks (METRICS_ALLOWED_NETWORKS, internal ranges by
 * default, as the guide's nginx rule) or presenting {@code Authorization: Bearer <METRICS_TOKEN>} from anywhere.
 * The scrape names routes, breakers and pool sizes: nothing a tenant should read.
 */
@ServerFilter("/metrics")
public class MetricsAccessFilter implements Ordered {

    private static final String BEARER = "Bearer ";

    private final List<Cidr> allowed;
    private final String token;

    public MetricsAccessFilter(MetricsAccessSettings settings) {
        this.allowed = settings.allowedNetworks() == null ? List.of() : Arrays.stream(settings.allowedNetworks().split(","))
                .map(String::trim).filter(network -> !network.isEmpty()).map(Cidr::parse).toList();
        this.token = settings.token() == null ? "" : settings.token();
    }

    @RequestFilter
    public void checkAccess(HttpRequest<?> request) {
        if (presentsToken(request)) {
            return;
        }
        InetAddress client = request.getRemoteAddress().getAddress();
        if (client != null && allowed.stream().anyMatch(network -> network.contains(client))) {
            return;
        }
        throw new ApiException(ErrorCode.FORBIDDEN,
                "/metrics is served to internal networks only (METRICS_ALLOWED_NETWORKS) or with the metrics token.");
    }

    private boolean presentsToken(HttpRequest<?> request) {
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        return !token.isEmpty() && authorization != null && authorization.startsWith(BEARER)
                && ApiKeys.sameSecret(authorization.substring(BEARER.length()).trim(), token);
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.SECURITY.order();
    }
}
