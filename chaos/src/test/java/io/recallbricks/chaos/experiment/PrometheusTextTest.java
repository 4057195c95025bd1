package io.recallbricks.chaos.experiment;

import io.recallbricks.chaos.experiment.observe.PrometheusText;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrometheusTextTest {

    static final String TEXT = """
            # HELP circuit_breaker_state Circuit breaker state: 0 closed, 1 half-open, 2 open
            # TYPE circuit_breaker_state gauge
            circuit_breaker_state{breaker_name="database"} 2.0
            circuit_breaker_state{breaker_name="openai"} 0.0
            jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1.0E7
            jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 3.0E7
            jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 5.0E7
            jvm_threads_live_threads 42.0
            weird_label{path="a \\"quoted\\" value",x="1"} 7
            """;

    @Test
    void readsGaugesByNameAndLabels() {
        List<PrometheusText.Series> s = PrometheusText.parse(TEXT);
        assertEquals(2.0, PrometheusText.sum(s, "circuit_breaker_state", Map.of("breaker_name", "database")).getAsDouble());
        assertEquals(0.0, PrometheusText.sum(s, "circuit_breaker_state", Map.of("breaker_name", "openai")).getAsDouble());
        assertEquals(4.0e7, PrometheusText.sum(s, "jvm_memory_used_bytes", Map.of("area", "heap")).getAsDouble());
        assertEquals(42.0, PrometheusText.sum(s, "jvm_threads_live_threads", Map.of()).getAsDouble());
        assertEquals(7.0, PrometheusText.sum(s, "weird_label", Map.of("x", "1")).getAsDouble());
        assertTrue(PrometheusText.sum(s, "circuit_breaker_state", Map.of("breaker_name", "redis")).isEmpty());
    }
}
