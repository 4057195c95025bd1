package io.recallbricks.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.recallbricks.web.ApiException;

import java.util.List;
import java.util.Map;

/**
 * The runbook's "reset circuit breaker if issue resolved" for operators, under the admin credential
 * ({@code AdminAuthenticationFilter} guards {@code /api/v1/admin/**}).
 */
@Controller("/api/v1/admin/circuit-breakers")
public class BreakerAdminController {

    private final Breakers breakers;

    public BreakerAdminController(Breakers breakers) {
        this.breakers = breakers;
    }

    @Get
    public Map<String, List<BreakerStatus>> list() {
        return Map.of("circuit_breakers", breakers.all().stream().map(b -> BreakerStatus.of(b, breakers)).toList());
    }

    @Post("/{name}/reset")
    public BreakerStatus reset(String name) {
        CircuitBreaker breaker = breakers.named(name).orElseThrow(() -> ApiException.notFound("Circuit breaker '" + name + "'"));
        breakers.reset(breaker);
        return BreakerStatus.of(breaker, breakers);
    }
}
