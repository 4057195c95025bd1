package io.recallbricks.chaos.experiment;

import io.recallbricks.chaos.experiment.stack.ServiceSettings;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Bounds follow the configuration the service runs with, overrides included. */
class ServiceSettingsTest {

    @Test
    void boundsDeriveFromTheServiceConfiguration() {
        ServiceSettings s = ServiceSettings.withOverrides(Map.of());
        assertEquals(Duration.ofSeconds(7), s.socketTimeout(), "statement 2 s + 5 s");
        assertEquals(Duration.ofSeconds(10), s.databaseOpenBound(), "1 s pool wait + 7 s socket + 2 s");
        assertEquals(Duration.ofSeconds(15), s.closeBound(s.socketTimeout()), "2 x 3 s + 7 s + 2 s");
        assertEquals(Duration.ofSeconds(4), s.embeddingsLatencyBound(), "2 s write timeout + 2 s");
        assertEquals(Duration.ofSeconds(10), s.databaseLatencyBound(), "1 s pool wait + 7 s socket (> 5 s vector load) + 2 s");
        // 20 s fault + 4 x 3 s + 1 s first delay + (4 batches of 64 + 1 run) x 2 s + 10 s
        assertEquals(Duration.ofSeconds(53), s.backfillBound(Duration.ofSeconds(20), 200));
    }

    @Test
    void overridesReachBothTheServiceAndTheBounds() {
        ServiceSettings s = ServiceSettings.withOverrides(Map.of("DATABASE_STATEMENT_TIMEOUT_MS", "10000",
                "CIRCUIT_BREAKER_ENABLED", "false"));
        assertEquals("false", s.environment().get("CIRCUIT_BREAKER_ENABLED"));
        assertEquals(Duration.ofSeconds(15), s.socketTimeout());
        assertEquals(Duration.ofSeconds(18), s.databaseOpenBound());
        ServiceSettings longLoads = ServiceSettings.withOverrides(Map.of("VECTOR_LOAD_TIMEOUT_MS", "20000"));
        assertEquals(Duration.ofSeconds(23), longLoads.databaseLatencyBound(), "1 s pool wait + 20 s load + 2 s");
        ServiceSettings bad = ServiceSettings.withOverrides(Map.of("DATABASE_STATEMENT_TIMEOUT_MS", "soon"));
        assertThrows(IllegalArgumentException.class, bad::socketTimeout);
    }
}
