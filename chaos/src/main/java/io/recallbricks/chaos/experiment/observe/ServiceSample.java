package io.recallbricks.chaos.experiment.observe;

import java.util.Map;

/**
 * One look at the service: breaker states as {@code /metrics} ({@code circuit_breaker_state}: 0 closed, 1 half-open,
 * 2 open) and {@code /health} ({@code circuit_breakers.<name>.state}) report them, threads and heap. A field is null
 * when its source did not answer.
 *
 * @param answered the service answered at least one of the two probes
 */
public record ServiceSample(long tMs, boolean answered, Map<String, String> metricsBreakers,
                            Map<String, String> healthBreakers, Double threads, Double heapUsedBytes,
                            Double heapMaxBytes) {

    public static String stateName(double value) {
        return value >= 2 ? "open" : value >= 1 ? "half_open" : "closed";
    }
}
