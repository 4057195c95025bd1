package io.recallbricks.perf.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {

    private static final String SCRAPE = """
            # HELP http_requests_total Requests served
            # TYPE http_requests_total counter
            http_requests_total{method="GET",route="/api/v1/memories/{id}",status_code="200"} 1027 1700000000000
            http_requests_total{method="POST",route="/api/v1/memories",status_code="503"} 3
            http_request_duration_seconds_bucket{method="GET",route="/x",le="+Inf"} 12
            weird_labels{path="C:\\\\temp",quote="say \\"hi\\"",nl="a\\nb",} 1.5e3
            process_cpu_usage 0.3125
            nan_gauge NaN
            spaced { a = "1" } -Inf
            """;

    @Test
    void readsSamplesWithLabelsEscapesAndSpecialValues() {
        PrometheusText t = PrometheusText.parse(SCRAPE);
        assertEquals(7, t.samples().size());
        assertEquals(1027.0, t.value("http_requests_total", l -> "200".equals(l.get("status_code"))).orElseThrow());
        assertEquals("/api/v1/memories/{id}", t.all("http_requests_total").get(0).labels().get("route"));
        assertEquals(1030.0, t.sum("http_requests_total", l -> true).orElseThrow());
        assertEquals(Double.POSITIVE_INFINITY, Double.parseDouble(
                t.all("http_request_duration_seconds_bucket").get(0).labels().get("le").replace("+Inf", "Infinity")));
        Map<String, String> weird = t.all("weird_labels").get(0).labels();
        assertEquals("C:\\temp", weird.get("path"));
        assertEquals("say \"hi\"", weird.get("quote"));
        assertEquals("a\nb", weird.get("nl"));
        assertEquals(1500.0, t.value("weird_labels").orElseThrow());
        assertTrue(t.value("nan_gauge").orElseThrow().isNaN());
        assertEquals(Double.NEGATIVE_INFINITY, t.value("spaced").orElseThrow());
        assertEquals("1", t.all("spaced").get(0).labels().get("a"));
        assertTrue(t.value("absent_metric").isEmpty());
        assertTrue(t.sum("absent_metric", l -> true).isEmpty());
    }

    @Test
    void rejectsMalformedLinesNamingTheLine() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> PrometheusText.parse("ok_metric 1\nbroken{a=\"1\" 2\n"));
        assertTrue(e.getMessage().startsWith("metrics line 2"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> PrometheusText.parse("no_value{a=\"1\"}"));
        assertThrows(IllegalArgumentException.class, () -> PrometheusText.parse("m{a=\"unterminated} 1"));
        assertThrows(IllegalArgumentException.class, () -> PrometheusText.parse("m 12abc"));
    }
}
