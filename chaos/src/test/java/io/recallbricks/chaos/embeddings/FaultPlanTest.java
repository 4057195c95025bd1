package io.recallbricks.chaos.embeddings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.recallbricks.chaos.embeddings.FaultPlan.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultPlanTest {

    @Test
    void aHealthyPlanAnswersEverything() {
        FaultPlan healthy = FaultPlan.healthy();
        assertTrue(healthy.isHealthy());
        assertEquals(Outcome.ANSWER, healthy.outcomeFor(0.0));
        assertEquals(Outcome.ANSWER, healthy.outcomeFor(0.999));
    }

    @Test
    void sharesAreLaidOutInOrderHangResetRateLimitError() {
        FaultPlan plan = FaultPlan.healthy().withHang(0.1).withConnectionReset(0.1).withRateLimit(0.1, 2)
                .withErrors(0.1, List.of(503));
        assertEquals(Outcome.HANG, plan.outcomeFor(0.05));
        assertEquals(Outcome.RESET, plan.outcomeFor(0.15));
        assertEquals(Outcome.RATE_LIMITED, plan.outcomeFor(0.25));
        assertEquals(Outcome.ERROR, plan.outcomeFor(0.35));
        assertEquals(Outcome.ANSWER, plan.outcomeFor(0.45));
    }

    @Test
    void aRateOfOneFaultsEveryRequest() {
        FaultPlan plan = FaultPlan.healthy().withErrors(1.0, List.of(500));
        assertEquals(Outcome.ERROR, plan.outcomeFor(0.0));
        assertEquals(Outcome.ERROR, plan.outcomeFor(Math.nextDown(1.0)));
    }

    @Test
    void slowAloneIsAFault() {
        assertFalse(FaultPlan.healthy().withAddedDelay(100).isHealthy());
    }

    @Test
    void rejectsRatesThatAddUpToMoreThanOne() {
        FaultPlan halfErrors = FaultPlan.healthy().withErrors(0.6, List.of(500));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> halfErrors.withHang(0.5));
        assertTrue(e.getMessage().contains("more than 1"), e.getMessage());
    }

    @Test
    void rejectsBadValues() {
        FaultPlan healthy = FaultPlan.healthy();
        assertThrows(IllegalArgumentException.class, () -> healthy.withErrors(-0.1, List.of(500)));
        assertThrows(IllegalArgumentException.class, () -> healthy.withErrors(1.1, List.of(500)));
        assertThrows(IllegalArgumentException.class, () -> healthy.withErrors(Double.NaN, List.of(500)));
        assertThrows(IllegalArgumentException.class, () -> healthy.withErrors(0.5, List.of(404)));
        assertThrows(IllegalArgumentException.class, () -> healthy.withErrors(0.5, List.of()));
        assertThrows(IllegalArgumentException.class, () -> healthy.withRateLimit(0.5, -1));
        assertThrows(IllegalArgumentException.class, () -> healthy.withAddedDelay(-5));
    }
}
