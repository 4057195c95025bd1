package io.recallbricks.chaos.experiment;

import io.recallbricks.chaos.experiment.ledger.WriteVerification;
import io.recallbricks.chaos.experiment.load.Endpoint;
import io.recallbricks.chaos.experiment.load.ResponseRecord;
import io.recallbricks.chaos.experiment.observe.ServiceSample;
import io.recallbricks.chaos.experiment.verdict.Bounds;
import io.recallbricks.chaos.experiment.verdict.Check;
import io.recallbricks.chaos.experiment.verdict.Observation;
import io.recallbricks.chaos.experiment.verdict.Recovery;
import io.recallbricks.chaos.experiment.verdict.Transition;
import io.recallbricks.chaos.experiment.verdict.Verdicts;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The verdict logic on synthetic timelines: steady 0-10 s, fault 10-20 s, recovery 20-40 s; 20 requests a second.
 */
class RecoveryAndVerdictsTest {

    static final long T0 = 1_000_000;
    static final long INJECT = T0 + 10_000;
    static final long REMOVE = T0 + 20_000;
    static final long END = T0 + 40_000;

    private static final Bounds BOUNDS = new Bounds(Duration.ofSeconds(5), Duration.ofSeconds(8), Duration.ofSeconds(10),
            Duration.ofMillis(250), Duration.ofSeconds(15), Duration.ofSeconds(5), null, 1.0);
    private static final WriteVerification SAFE = new WriteVerification(10, 8, 8, 0, 2, 2, 0, 0, 0, List.of());

    /** Database fault: 503s while open (fast), the breaker open from +1 s to +3 s after removal. */
    private static List<ResponseRecord> responses(int status, String code, long latencyDuringFault, long recoveredAfterMs) {
        List<ResponseRecord> out = new ArrayList<>();
        for (long t = T0; t < END; t += 50) {
            boolean failing = t >= INJECT && t < REMOVE + recoveredAfterMs;
            out.add(failing ? new ResponseRecord(Endpoint.SEARCH, t, t + latencyDuringFault, status, null, status == 503, code, null)
                    : new ResponseRecord(Endpoint.SEARCH, t, t + 40, 200, null, false, null, "hybrid"));
        }
        return out;
    }

    private static List<ServiceSample> samples(long openFrom, long openUntil) {
        List<ServiceSample> out = new ArrayList<>();
        for (long t = T0; t <= END; t += 200) {
            String db = t >= openFrom && t < openUntil ? "open" : "closed";
            out.add(new ServiceSample(t, true, Map.of("database", db, "openai", "closed"),
                    Map.of("database", db, "openai", "closed"), 60.0, 1e8, 5e8));
        }
        return out;
    }

    private static Observation observation(List<ResponseRecord> responses, List<ServiceSample> samples,
                                           WriteVerification writes) {
        return new Observation(Dependency.DATABASE, T0, INJECT, REMOVE, END, 20, responses, samples, writes, null, true);
    }

    private static Check check(List<Check> checks, String name) {
        return checks.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void aServiceThatBehavesAsDesignedPassesEveryCheck() {
        Observation o = observation(responses(503, "DATABASE_UNAVAILABLE", 5, 3000), samples(INJECT + 1000, REMOVE + 3000), SAFE);
        List<Check> checks = Verdicts.evaluate(o, BOUNDS);
        assertTrue(checks.stream().allMatch(Check::passed), checks.toString());
        assertEquals(3.0, Verdicts.mttr(o, BOUNDS));
        assertTrue(Verdicts.steadyAfter(o, BOUNDS));
    }

    @Test
    void transitionsAreStampedWithTheFirstSampleShowingTheNewState() {
        List<Transition> t = Verdicts.transitions(samples(INJECT + 1000, REMOVE + 3000), "metrics");
        assertEquals(2, t.size());
        assertEquals(new Transition(INJECT + 1000, "database", "closed", "open"), t.get(0));
        assertEquals(new Transition(REMOVE + 3000, "database", "open", "closed"), t.get(1));
    }

    @Test
    void fiveHundredsInsteadOfTheStable503FailResponsesAsDesigned() {
        Observation o = observation(responses(500, "INTERNAL_ERROR", 5, 3000), samples(INJECT + 1000, REMOVE + 3000), SAFE);
        Check c = check(Verdicts.evaluate(o, BOUNDS), "responses-as-designed");
        assertFalse(c.passed());
        assertTrue(c.detail().contains("search 500 INTERNAL_ERROR"), c.detail());
    }

    @Test
    void aBreakerThatNeverOpensFailsAndSlowRefusalsAreNotFast() {
        Observation never = observation(responses(503, "DATABASE_UNAVAILABLE", 5, 3000), samples(0, 0), SAFE);
        List<Check> checks = Verdicts.evaluate(never, BOUNDS);
        assertFalse(check(checks, "breaker-opens-metrics").passed());
        assertFalse(check(checks, "breaker-opens-health").passed());
        assertFalse(check(checks, "fast-503-while-open").passed());

        Observation late = observation(responses(503, "DATABASE_UNAVAILABLE", 5, 3000), samples(INJECT + 6000, REMOVE + 3000), SAFE);
        assertFalse(check(Verdicts.evaluate(late, BOUNDS), "breaker-opens-metrics").passed(), "6 s > the 5 s bound");

        Observation slow = observation(responses(503, "DATABASE_UNAVAILABLE", 2000, 3000), samples(INJECT + 1000, REMOVE + 3000), SAFE);
        assertFalse(check(Verdicts.evaluate(slow, BOUNDS), "fast-503-while-open").passed());
    }

    @Test
    void aBreakerStillOpenAtTheEndFailsToClose() {
        Observation o = observation(responses(503, "DATABASE_UNAVAILABLE", 5, 3000), samples(INJECT + 1000, END + 1), SAFE);
        assertFalse(check(Verdicts.evaluate(o, BOUNDS), "breaker-closes-metrics").passed());
        assertFalse(Verdicts.steadyAfter(o, BOUNDS));
    }

    @Test
    void aLostOrHalfWrittenWriteFailsTheWriteCheck() {
        Observation lost = observation(responses(503, "DATABASE_UNAVAILABLE", 5, 3000), samples(INJECT + 1000, REMOVE + 3000),
                new WriteVerification(10, 8, 7, 1, 2, 2, 0, 0, 0, List.of("write 3 missing")));
        assertFalse(check(Verdicts.evaluate(lost, BOUNDS), "writes-safe").passed());
        Observation half = observation(responses(503, "DATABASE_UNAVAILABLE", 5, 3000), samples(INJECT + 1000, REMOVE + 3000),
                new WriteVerification(10, 8, 8, 0, 2, 1, 0, 1, 0, List.of()));
        assertFalse(check(Verdicts.evaluate(half, BOUNDS), "writes-safe").passed());
    }

    @Test
    void mttrIsTheStartOfTheFirstStableWindowAfterRemoval() {
        List<ResponseRecord> r = responses(503, "DATABASE_UNAVAILABLE", 5, 7000);
        Recovery.Limits limits = Recovery.Limits.fromSteady(r.stream().filter(x -> x.startMs() < INJECT).toList());
        assertEquals(7.0, Recovery.mttrSeconds(r, REMOVE, END, limits, 5000));
        assertNull(Recovery.mttrSeconds(r, REMOVE, REMOVE + 10_000, limits, 5000), "only 3 good seconds observed");
        Observation o = observation(responses(503, "DATABASE_UNAVAILABLE", 5, 19_000), samples(INJECT + 1000, REMOVE + 3000), SAFE);
        assertFalse(check(Verdicts.evaluate(o, BOUNDS), "recovers").passed(), "never stable for 5 s before the end");
    }

    @Test
    void theTimelineHasOneRowPerSecondFromTheSteadyStateOn() {
        Observation o = observation(responses(503, "DATABASE_UNAVAILABLE", 5, 3000), samples(INJECT + 1000, REMOVE + 3000), SAFE);
        List<io.recallbricks.chaos.experiment.verdict.Timeline.Second> t = io.recallbricks.chaos.experiment.verdict.Timeline.of(o);
        assertEquals(-10, t.get(0).second());
        assertEquals(41, t.size(), "-10 .. 30");
        assertEquals(20, t.get(0).requests());
        assertEquals(0, t.get(0).ko());
        assertEquals(20, t.get(10).ko(), "the first second of the fault: all 503");
        assertEquals("open", t.get(12).breakers().get("database"));
    }

    @Test
    void recoveryLimitsAllowNoiseButNotAnOutage() {
        Recovery.Limits limits = Recovery.Limits.fromSteady(List.of(
                new ResponseRecord(Endpoint.SEARCH, 0, 100, 200, null, false, null, null)));
        assertEquals(1.0, limits.maxErrorRatePercent());
        assertEquals(300, limits.maxP95Ms());
        assertTrue(limits.holds(List.of(new ResponseRecord(Endpoint.SEARCH, 0, 290, 200, null, false, null, null))));
        assertFalse(limits.holds(List.of(new ResponseRecord(Endpoint.SEARCH, 0, 10, 503, null, true, null, null))));
        assertFalse(limits.holds(List.of(new ResponseRecord(Endpoint.SEARCH, 0, 400, 200, null, false, null, null))));
    }
}
