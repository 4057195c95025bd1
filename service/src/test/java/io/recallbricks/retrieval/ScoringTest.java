package io.recallbricks.retrieval;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class ScoringTest {

    @Test
    void usageIsLogScaledAndCapped() {
        assertEquals(0.0, Scoring.usage(0), 1e-12);
        assertEquals(1.0, Scoring.usage(99), 1e-12);
        assertEquals(1.0, Scoring.usage(10_000), 1e-12);
        assertEquals(Math.log(11) / Math.log(100), Scoring.usage(10), 1e-12);
    }

    @Test
    void weightedIsTheOriginalFormulaWithDefaultWeights() {
        // 0.4 x 0.8 + usage(0) x 0.3 + 1.0 x 0.2 + 0.5 x 0.5
        assertEquals(0.32 + 0.2 + 0.25, Scoring.weighted(0.8, 0, 1.0, 0.5, Weights.DEFAULT), 1e-12);
        assertEquals(0.4 * 0.5, Scoring.weighted(0.5, 0, 0, 0, Weights.DEFAULT), 1e-12, "zeros count as zeros");
    }

    @Test
    void decayBoostsTheRecentAndPenalisesFrom90Days() {
        Instant now = Instant.parse("2026-11-28T12:00:00Z");
        assertEquals(1.2, Scoring.decay(now.minus(Duration.ofDays(3)), now), 1e-12);
        assertEquals(1.0, Scoring.decay(now.minus(Duration.ofDays(45)), now), 1e-12, "30-89 days: unchanged (the original penalised)");
        assertEquals(0.7, Scoring.decay(now.minus(Duration.ofDays(90)), now), 1e-12);
        assertEquals(1.0, Scoring.decay(null, now), 1e-12);
    }

    @Test
    void predictionScalesByHelpfulnessAndCapsAtOne() {
        assertEquals(0.3 * 0.75, Scoring.prediction(0.3, 0.5), 1e-12);
        assertEquals(1.0, Scoring.prediction(3.0, 1.0), 1e-12);
    }
}
