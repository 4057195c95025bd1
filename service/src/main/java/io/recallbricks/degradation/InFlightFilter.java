package io.recallbricks.degradation;

import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.filter.ServerFilterPhase;

/** Counts API requests in flight for the {@link LoadMonitor}; probes and scrapes are not load. */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
public class InFlightFilter implements Ordered {

    private static final String COUNTED = "recallbricks.inFlight";

    private final LoadMonitor monitor;

    public InFlightFilter(LoadMonitor monitor) {
        this.monitor = monitor;
    }

    @RequestFilter
    public void started(HttpRequest<?> request) {
        String path = request.getPath();
        if (!(path.startsWith("/health") || path.equals("/metrics"))) {
            request.setAttribute(COUNTED, Boolean.TRUE);
            monitor.started();
        }
    }

    @ResponseFilter
    public void finished(HttpRequest<?> request) {
        if (request.getAttribute(COUNTED).isPresent()) {
            request.removeAttribute(COUNTED, Boolean.class);
            monitor.finished();
        }
    }

    @Override
    public int getOrder() {
        return ServerFilterPhase.FIRST.after();
    }
}
