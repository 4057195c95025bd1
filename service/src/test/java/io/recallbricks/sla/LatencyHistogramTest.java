package io.recallbricks.sla;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LatencyHistogramTest {

    @Test
    void percentilesAreWithinTenPercentAboveTheTrueValue() {
        LatencyHistogram histogram = new LatencyHistogram();
        for (int millis = 1; millis <= 1000; millis++) {
            histogram.record(millis * 1000L, millis > 990);
        }

        double p50 = histogram.percentileMillis(0.50);
        double p95 = histogram.percentileMillis(0.95);
        double p99 = histogram.percentileMillis(0.99);

        assertTrue(p50 >= 500 && p50 <= 550, "p50 " + p50);
        assertTrue(p95 >= 950 && p95 <= 1045, "p95 " + p95);
        assertTrue(p99 >= 990 && p99 <= 1089, "p99 " + p99);
        assertEquals(1000, histogram.requests());
        assertEquals(10, histogram.serverErrors());
    }

    @Test
    void mergedHistogramsCountEveryRequestAndAnEmptyOneHasNoPercentile() {
        LatencyHistogram fast = new LatencyHistogram();
        LatencyHistogram slow = new LatencyHistogram();
        LatencyHistogram total = new LatencyHistogram();
        for (int i = 0; i < 90; i++) {
            fast.record(10_000, false);
        }
        for (int i = 0; i < 10; i++) {
            slow.record(2_000_000, true);
        }

        fast.addTo(total);
        slow.addTo(total);

        assertEquals(100, total.requests());
        assertTrue(total.percentileMillis(0.90) < 12);
        assertTrue(total.percentileMillis(0.95) >= 2000);
        assertNull(new LatencyHistogram().percentileMillis(0.5));
    }
}
