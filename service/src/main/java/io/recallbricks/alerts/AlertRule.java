package io.recallbricks.alerts;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One rule of {@code deploy/prometheus/alerts.yml}, evaluated in process: the same name, severity, {@code for}
 * duration and condition. {@code breaching} returns one sample per label set whose condition holds now (a
 * Prometheus rule likewise yields one alert per series).
 */
record AlertRule(String name, String severity, Duration pendingFor, String summary,
                 Supplier<List<Sample>> breaching) {

    /** A series that meets the rule's condition, with the value it was compared on. */
    record Sample(Map<String, String> labels, double value) {
        static Sample of(double value) {
            return new Sample(Map.of(), value);
        }
    }
}
