package io.recallbricks.ratelimit;

import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.recallbricks.web.ErrorCode;
import io.recallbricks.web.RetryableApiException;
import io.recallbricks.web.RoutePath;

import java.util.Map;
import java.util.Optional;

/**
 * The rate-limit decisions taken for one request. The headers report the limit that binds: the one that refused
 * the request, else the one with the smallest share of its quota left.
 */
final class Standing {

    static final String LIMIT = "X-RateLimit-Limit";
    static final String REMAINING = "X-RateLimit-Remaining";
    static final String RESET = "X-RateLimit-Reset";
    private static final String ATTRIBUTE = "recallbricks.rateLimit";

    private Standing() {
    }

    /** Records a decision on the request; throws the 429 when it refused. */
    static void apply(HttpRequest<?> request, Decision decision) {
        Decision binding = request.getAttribute(ATTRIBUTE, Decision.class)
                .filter(previous -> !previous.allowed() || previous.headroom() < decision.headroom())
                .orElse(decision);
        request.setAttribute(ATTRIBUTE, decision.allowed() ? binding : decision);
        if (!decision.allowed()) {
            throw new RetryableApiException(ErrorCode.RATE_LIMIT_EXCEEDED,
                    "Rate limit exceeded (" + decision.tier().label() + " tier); retry after the Retry-After seconds.",
                    decision.retryAfterSeconds(),
                    Map.of("tier", decision.tier().label(), "limit", decision.limit()));
        }
    }

    static Optional<Decision> of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, Decision.class);
    }

    static void writeHeaders(HttpRequest<?> request, MutableHttpResponse<?> response) {
        of(request).ifPresent(decision -> {
            response.header(LIMIT, Long.toString(decision.limit()));
            response.header(REMAINING, Long.toString(decision.remaining()));
            response.header(RESET, Long.toString(decision.resetSeconds()));
        });
    }

    /** Operational routes are never limited: a probe refused under load would take a healthy instance out. */
    static boolean exempt(HttpRequest<?> request) {
        String path = RoutePath.of(request);
        return RoutePath.isUnder(path, "/health") || path.equals("/metrics")
                || path.equals("/api/v1/health") || request.getMethod() == HttpMethod.OPTIONS;
    }
}
