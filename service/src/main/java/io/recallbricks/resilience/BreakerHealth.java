package io.recallbricks.resilience;

import io.recallbricks.health.HealthContributor;
import jakarta.inject.Singleton;

import java.util.LinkedHashMap;
import java.util.Map;

/** {@code circuit_breakers} in {@code /health}: each breaker's state, failure rate and calls. */
@Singleton
public class BreakerHealth implements HealthContributor {

    private final Breakers breakers;

    public BreakerHealth(Breakers breakers) {
        this.breakers = breakers;
    }

    @Override
    public String name() {
        return "circuit_breakers";
    }

    @Override
    public Map<String, BreakerStatus> snapshot() {
        Map<String, BreakerStatus> all = new LinkedHashMap<>();
        breakers.all().forEach(breaker -> all.put(breaker.getName(), BreakerStatus.of(breaker, breakers)));
        return all;
    }
}
