package io.recallbricks.perf.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recallbricks.perf.workload.Endpoint;
import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PhaseRecorderTest {

    @TempDir
    Path dir;

    @Test
    void writesIntervalLogsHdrHistogramReadsBackPerEndpointTag() throws Exception {
        long start = System.currentTimeMillis();
        try (PhaseRecorder r = new PhaseRecorder(dir, "inj1", start)) {
            for (int i = 1; i <= 1000; i++) r.record(Endpoint.PREDICT, i * 100L, "200", true); // 0.1..100 ms
            r.record(Endpoint.SEARCH, 2_500_000, "503", false);
            r.flushInterval();
            r.record(Endpoint.SEARCH, 40_000, "200", true);
            r.record(Endpoint.FEEDBACK, 10_000_000, Outcomes.TIMEOUT, false);
        } // close flushes the second interval and writes the outcomes

        Map<String, Histogram> byTag = new HashMap<>();
        int intervals = 0;
        HistogramLogReader reader = new HistogramLogReader(dir.resolve("latency-inj1.hlog").toFile());
        for (EncodableHistogram h; (h = reader.nextIntervalHistogram()) != null; intervals++) {
            byTag.computeIfAbsent(h.getTag(), t -> new Histogram(3)).add((Histogram) h);
        }
        assertEquals(4, intervals, "predict + search, then search + feedback");
        assertEquals(start / 1000.0, reader.getStartTimeSec(), 0.001);
        assertEquals(1000, byTag.get("predict").getTotalCount());
        assertEquals(95_000, byTag.get("predict").getValueAtPercentile(95), 95_000 * 0.001);
        assertEquals(100_000, byTag.get("predict").getMaxValue(), 100);
        assertEquals(2, byTag.get("search").getTotalCount(), "KOs are recorded too");
        assertEquals(2_500_000, byTag.get("search").getMaxValue(), 2_500_000 * 0.001);
        assertEquals(1, byTag.get("feedback").getTotalCount());

        JsonNode outcomes = new ObjectMapper().readTree(new File(dir.toFile(), "outcomes-inj1.json"));
        assertEquals(1000, outcomes.at("/predict/ok").asLong());
        assertEquals(0, outcomes.at("/predict/ko").asLong());
        assertEquals(1000, outcomes.at("/predict/byStatus/200").asLong());
        assertEquals(1, outcomes.at("/search/ko").asLong());
        assertEquals(1, outcomes.at("/search/byStatus/503").asLong());
        assertEquals(1, outcomes.at("/feedback/byStatus/timeout").asLong());
        assertTrue(outcomes.at("/suggest").isMissingNode(), "endpoints without traffic are left out");
    }

    @Test
    void progressReportsRunningP95AndErrors() {
        try (PhaseRecorder r = new PhaseRecorder(dir, "local", System.currentTimeMillis())) {
            for (int i = 1; i <= 100; i++) r.record(Endpoint.SUGGEST, i * 1000L, i <= 3 ? "500" : "200", i > 3);
            r.flushInterval();
            PhaseRecorder.Progress p = r.progress(5);
            assertEquals(100, p.requests());
            assertEquals(3, p.failures());
            assertEquals(95.0, p.p95Ms(), 0.1);
            assertEquals(100.0, p.recentRps(), 0.01, "100 responses in the one interval so far");
        }
    }
}
