package io.recallbricks.perf.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recallbricks.perf.config.LoadStep;
import io.recallbricks.perf.config.PhaseSpec;
import io.recallbricks.perf.record.InjectorCheck;
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
        assertTrue(slow.get(0).startsWith("good 400.0 rps < 95% of 500 rps"), slow.get(0));
    }

    @Test
    void anEndpointWithoutResponsesFailsItsCheckInsteadOfSkippingIt() {
        PhaseResult r = result(Map.of(), 0, 500);
        r.latency().remove(Endpoint.SEARCH);
        assertEquals(List.of("search: no responses"), StepCriteria.GUIDE.missed(r));
    }

    @Test
    void anInjectorBoundStepDoesNotHold() {
        PhaseResult fine = result(Map.of(), 0, 500);
        InjectorCheck.Load late = InjectorCheck.DEFAULT.judge(500, 400, 250, 900, 0.6);
        PhaseResult bound = new PhaseResult(STEP, fine.startedAt(), fine.finishedAt(), fine.latency(), fine.outcomes(),
                500, 500, late, Map.of(), null);
        List<String> missed = StepCriteria.GUIDE.missed(bound);
        assertEquals(1, missed.size());
        assertTrue(missed.get(0).startsWith("injector-bound: sent 400.0 of 500 rps offered (< 475.0); send lag p99 250 ms"),
                missed.get(0));
    }

    /**
     * 1000 responses of one latency per endpoint (predict, suggest and search at 10 ms unless given), {@code failures}
     * of them KO, at a good rate of {@code good}.
     */
    private static PhaseResult result(Map<Endpoint, Integer> given, int failures, double good) {
        Map<Endpoint, Integer> latencyMs = new EnumMap<>(Map.of(Endpoint.PREDICT, 10, Endpoint.SUGGEST, 10,
                Endpoint.SEARCH, 10));
        latencyMs.putAll(given);
        Map<Endpoint, Histogram> latency = new EnumMap<>(Endpoint.class);
        Outcomes outcomes = new Outcomes();
        int[] n = {0};
        latencyMs.forEach((e, ms) -> {
            Histogram h = new Histogram(3);
            h.recordValueWithCount(ms * 1000L, 1000);
            latency.put(e, h);
            // failures are spread over the first endpoint only, so the error rate is failures / all responses
            int ko = n[0]++ == 0 ? failures * latencyMs.size() : 0;
            for (int i = 0; i < 1000; i++) outcomes.add(e, i < ko ? "503" : "200", i >= ko);
        });
        return new PhaseResult(STEP, Instant.now(), Instant.now(), latency, outcomes, good, good,
                InjectorCheck.DEFAULT.judge(500, 500, 1, 2, 0.1), Map.of(), null);
    }
}
