package io.recallbricks.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteMatch;

import java.time.Duration;

/**
 * Counts and times every request under the names the deployment guide's alert rules query:
 * {@code http_requests_total{method,route,status_code}} and {@code http_request_duration_seconds{method,route}}.
 * The route label is the route template ({@code /api/v1/memories/{id}}), never a raw path, so the number of
 * series stays bounded whatever ids clients send.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class HttpMetricsFilter implements Ordered {

    static final String UNMATCHED = "unmatched";
    static final String OTHER_METHOD = "other";
    private static final java.util.Set<String> KNOWN_METHODS =
            java.util.Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");
    private static final String START_ATTRIBUTE = "recallbricks.metrics.start";

    // Fixed buckets around the latency targets (300/400/500 ms p95, 1 s p99) keep the scrape small.
    private static final Duration[] BUCKETS = {
            Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50),
            Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(300), Duration.ofMillis(400),
            Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(2500), Duration.ofMillis(5000),
            Duration.ofMillis(10000)};

    private final MeterRegistry registry;

    public HttpMetricsFilter(MeterRegistry registry) {
        this.registry = registry;
    }

    @RequestFilter
    public void start(HttpRequest<?> request) {
        request.setAttribute(START_ATTRIBUTE, System.nanoTime());
    }

    @ResponseFilter
    public void record(HttpRequest<?> request, HttpResponse<?> response) {
        long start = request.getAttribute(START_ATTRIBUTE, Long.class).orElse(System.nanoTime());
        String method = methodLabel(request);
        String route = route(request);
        Counter.builder("http.requests")
                .description("HTTP requests by route template and status code")
                .tag("method", method).tag("route", route).tag("status_code", Integer.toString(response.code()))
                .register(registry)
                .increment();
        Timer.builder("http.request.duration")
                .description("HTTP request duration by route template")
                .tag("method", method).tag("route", route)
                .serviceLevelObjectives(BUCKETS)
                .register(registry)
                .record(Duration.ofNanos(System.nanoTime() - start));
    }

    /**
     * The method as a label from a closed set: the raw name would let {@code curl -X ZZ1}, {@code ZZ2}, ... create
     * series without bound.
     */
    static String methodLabel(HttpRequest<?> request) {
        String name = request.getMethodName();
        return KNOWN_METHODS.contains(name) ? name : OTHER_METHOD;
    }

    /** The route template of a request, or "unmatched". */
    public static String route(HttpRequest<?> request) {
        return RouteAttributes.getRouteMatch(request)
                .filter(UriRouteMatch.class::isInstance)
                .map(match -> ((UriRouteMatch<?, ?>) match).getRouteInfo().getUriMatchTemplate().toString())
                .orElse(UNMATCHED);
    }

    @Override
    public int getOrder() {
        // Outermost but one: the request id is assigned first, and the time includes authentication.
        return ServerFilterPhase.FIRST.order();
    }
}
