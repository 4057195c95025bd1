package io.recallbricks.perf.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recallbricks.perf.config.LoadStep;
import io.recallbricks.perf.config.PhaseSpec;
import io.recallbricks.perf.record.Outcomes;
import io.recallbricks.perf.workload.Endpoint;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class StepCriteriaTest {

    private static final PhaseSpec STEP = PhaseSpec.stressStep(500, new LoadStep(500, Duration.ofSeconds(30)));

    @Test
    void aFastCleanStepHolds() {
        assertEquals(List.of(), StepCriteria.GUIDE.missed(result(Map.of(Endpoint.SEARCH, 50), 0, 500)));
    }

    @Test
    void eachGuideCriterionCanBreakAStep() {
        assertEquals(List.of("search p95 310 ms >= 300 ms"),
                StepCriteria.GUIDE.missed(result(Map.of(Endpoint.SEARCH, 310), 0, 500)));
        assertEquals(List.of("suggest p95 400 ms >= 400 ms"),
                StepCriteria.GUIDE.missed(result(Map.of(Endpoint.SUGGEST, 400), 0, 500)));
        assertEquals(List.of("p99 of all 1200 ms >= 1000 ms"),
                StepCriteria.GUIDE.missed(result(Map.of(Endpoint.MAINTENANCE, 1200), 0, 500)));
        PhaseResult rareSlowEndpoint = result(Map.of(Endpoint.PREDICT, 10), 0, 500);
        Histogram fewSlow = new Histogram(3);
        fewSlow.recordValueWithCount(1_200_000, 5); // 5 of 1005 responses: under 1%
        rareSlowEndpoint.latency().put(Endpoint.MAINTENANCE, fewSlow);
        assertEquals(List.of(), StepCriteria.GUIDE.missed(rareSlowEndpoint), "p99 is over all responses merged");
        assertEquals(List.of("error rate 1.00% >= 1.00%"),
                StepCriteria.GUIDE.missed(result(Map.of(Endpoint.PREDICT, 10), 10, 500)));
        List<String> slow = StepCriteria.GUIDE.missed(result(Map.of(Endpoint.PREDICT, 10), 0, 400));
        assertEquals(1, slow.size());
        assertTrue(slow.get(0).startsWith("achieved 400.0 rps < 95% of 500 rps"), slow.get(0));
    }

    /** 1000 responses of one latency per endpoint, {@code failures} of them KO. */
    private static PhaseResult result(Map<Endpoint, Integer> latencyMs, int failures, double achieved) {
        Map<Endpoint, Histogram> latency = new EnumMap<>(Endpoint.class);
        Outcomes outcomes = new Outcomes();
        latencyMs.forEach((e, ms) -> {
            Histogram h = new Histogram(3);
            h.recordValueWithCount(ms * 1000L, 1000);
            latency.put(e, h);
            for (int i = 0; i < 1000; i++) outcomes.add(e, i < failures ? "503" : "200", i >= failures);
        });
        return new PhaseResult(STEP, Instant.now(), Instant.now(), latency, outcomes, achieved);
    }
}
