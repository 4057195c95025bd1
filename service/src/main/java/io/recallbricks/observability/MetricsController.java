package io.recallbricks.observability;

import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Produces;

/**
 * {@code GET /metrics} in the Prometheus text format (or OpenMetrics when the scraper asks for it), where the
 * deployment guide's Prometheus configuration scrapes.
 */
@Controller
public class MetricsController {

    static final String PROMETHEUS_TEXT = "text/plain; version=0.0.4; charset=utf-8";
    static final String OPENMETRICS = "application/openmetrics-text; version=1.0.0; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    public MetricsController(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    // Without @Produces the route would only offer JSON and answer a scraper's Accept: text/plain with 406.
    @Get("/metrics")
    @Produces({MediaType.TEXT_PLAIN, "application/openmetrics-text", MediaType.ALL})
    public HttpResponse<String> scrape(@Nullable @Header(HttpHeaders.ACCEPT) String accept) {
        String contentType = accept != null && accept.contains("application/openmetrics-text") ? OPENMETRICS : PROMETHEUS_TEXT;
        return HttpResponse.ok(registry.scrape(contentType)).contentType(contentType);
    }
}
