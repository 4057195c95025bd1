package io.recallbricks.observability;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.recallbricks.auth.ApiKeys;
import io.recallbricks.web.Cidr;
import io.recallbricks.web.ClientAddress;
import io.recallbricks.web.RoutePath;
import jakarta.inject.Singleton;

import java.net.InetAddress;
import java.util.List;
import java.util.Set;

/**
 * Who may read the operational detail of the service: /metrics, /sla, /alerts and the detail of /health (breaker
 * states, per-route latencies, firing alerts). Clients on METRICS_ALLOWED_NETWORKS (an empty list allows none), or
 * anyone presenting {@code Authorization: Bearer <METRICS_TOKEN>}.
 */
@Singleton
public class OperatorAccess {

    /** The routes that answer only to operators (normalised, see {@link RoutePath}). */
    static final Set<String> OPERATOR_ROUTES = Set.of("/metrics", "/sla", "/alerts");

    private static final String BEARER = "Bearer ";

    private final List<Cidr> allowed;
    private final String token;
    private final ClientAddress clientAddress;

    public OperatorAccess(MetricsAccessSettings settings, ClientAddress clientAddress) {
        this.allowed = Cidr.parseList(settings.allowedNetworks());
        this.token = settings.token() == null ? "" : settings.token();
        this.clientAddress = clientAddress;
    }

    public static boolean isOperatorRoute(HttpRequest<?> request) {
        return OPERATOR_ROUTES.contains(RoutePath.of(request));
    }

    public boolean permits(HttpRequest<?> request) {
        if (presentsToken(request)) {
            return true;
        }
        InetAddress client = clientAddress.of(request);
        return client != null && allowed.stream().anyMatch(network -> network.contains(client));
    }

    private boolean presentsToken(HttpRequest<?> request) {
        String authorization = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        return !token.isEmpty() && authorization != null && authorization.startsWith(BEARER)
                && ApiKeys.sameSecret(authorization.substring(BEARER.length()).trim(), token);
    }
}
