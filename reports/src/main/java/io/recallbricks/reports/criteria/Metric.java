package io.recallbricks.reports.criteria;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * What a criterion measures. The meaning of each is defined once, in reports/README.md ("Metric definitions"),
 * and implemented in {@code io.recallbricks.reports.evaluation}.
 */
public enum Metric {
    /** Share of judged requests that were answered (not 5xx, not timeout, not connection error), in %. */
    AVAILABILITY("availability", "%"),
    /** Share of judged requests the load suite counted KO, in %. */
    ERROR_RATE("error_rate", "%"),
    /** A latency percentile of one endpoint, of all requests together, or of the worst endpoint, in ms. */
    LATENCY("latency", "ms"),
    /** Good rate of a phase (OK responses completed inside the arrival window, per second of it), in rps. */
    THROUGHPUT("throughput", "rps"),
    /** A statistic over the service's samples of one quantity (CPU, memory, connections). Unit from the sample. */
    SERVER_SAMPLE("server_sample", ""),
    /** Share of chaos experiments whose verdict is "passed", in %. */
    RESILIENCE("resilience", "%"),
    /** The stress run's break point: the highest offered rate that held every step criterion, in rps. */
    BREAK_POINT("break_point", "rps");

    private final String key;
    private final String unit;

    Metric(String key, String unit) {
        this.key = key;
        this.unit = unit;
    }

    public String key() {
        return key;
    }

    public String unit() {
        return unit;
    }

    /** Whether the metric is measured per load phase (all but resilience and the break point). */
    public boolean isPhaseScoped() {
        return this != RESILIENCE && this != BREAK_POINT;
    }

    static Metric fromKey(String key) {
        for (Metric m : values()) {
            if (m.key.equals(key)) {
                return m;
            }
        }
        throw new IllegalArgumentException("unknown metric '" + key + "'; one of "
                + Arrays.stream(values()).map(Metric::key).collect(Collectors.joining(", ")));
    }
}
