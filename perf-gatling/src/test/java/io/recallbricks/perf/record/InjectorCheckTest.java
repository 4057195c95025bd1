package io.recallbricks.perf.record;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recallbricks.perf.workload.Endpoint;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InjectorCheckTest {

    @Test
    void anInjectorOnScheduleIsNotBound() {
        assertFalse(InjectorCheck.DEFAULT.judge(200, 197, 3, 12, 0.05).bound());
    }

    @Test
    void sendingTooFewOrLateMakesAPhaseInjectorBound() {
        InjectorCheck.Load few = InjectorCheck.DEFAULT.judge(3000, 1800, 20, 40, 0.55);
        assertTrue(few.bound());
        assertTrue(few.whyText().startsWith("sent 1800.0 of 3000 rps offered (< 2850.0)"), few.whyText());
        assertTrue(few.whyText().endsWith("injector CPU 55 % of the machine"), few.whyText());
        InjectorCheck.Load late = InjectorCheck.DEFAULT.judge(200, 200, 150, 400, 0.2);
        assertEquals("send lag p99 150 ms >= 100 ms; injector CPU 20 % of the machine", late.whyText());
    }

    @Test
    void aShortfallWithinThePoissonNoiseOfTheArrivalsIsNotBound() {
        // a 20 s warm-up ramp offers 550 arrivals, 550 +- 23: 508 sent is 1.8 sigma short, not the injector's fault
        assertFalse(InjectorCheck.DEFAULT.judge(27.5, 25.4, 30, 50, 0.1, 20).bound());
        assertTrue(InjectorCheck.DEFAULT.judge(27.5, 22.0, 30, 50, 0.1, 20).bound());
        // 20 s at 3,000 rps: 5 % is far beyond the noise and decides
        assertTrue(InjectorCheck.DEFAULT.judge(3000, 2800, 30, 50, 0.1, 20).bound());
    }

    @Test
    void theProbeMeasuresAThreadThatIsLate() throws Exception {
        try (SendLagProbe probe = new SendLagProbe()) {
            Thread.sleep(300);
            assertTrue(probe.lagMs(50) < 50, "an idle JVM wakes its probe on time: " + probe.lagMs(50));
        }
    }

    @Test
    void onlyOkResponsesThatCompleteInsideTheWindowAreGood() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("window");
        try (PhaseRecorder recorder = new PhaseRecorder(dir, "t", System.currentTimeMillis())) {
            recorder.record(Endpoint.SEARCH, 1_000, "200", true);           // before the window: not offered in it
            recorder.openWindow(Duration.ofMillis(300));
            Thread.sleep(20); // the next two were sent (1 ms before they were recorded) inside the window
            recorder.record(Endpoint.SEARCH, 1_000, "200", true);           // good
            recorder.record(Endpoint.SEARCH, 1_000, "503", false);          // completed, not good
            Thread.sleep(400);
            recorder.record(Endpoint.SEARCH, 200_000, "200", true);         // sent inside, answered after the window
            @SuppressWarnings("unchecked")
            Map<String, Object> search = (Map<String, Object>) recorder.outcomes().toJson().get("search");
            assertEquals(4L, ((Number) search.get("ok")).longValue() + ((Number) search.get("ko")).longValue());
            assertEquals(3L, ((Number) search.get("sentInWindow")).longValue());
            assertEquals(2L, ((Number) search.get("completedInWindow")).longValue());
            assertEquals(1L, ((Number) search.get("goodInWindow")).longValue());
        }
    }
}
