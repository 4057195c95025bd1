package io.recallbricks.bench.standins;

import io.recallbricks.embedding.EmbeddingSettings;
import io.recallbricks.resilience.BreakerSettings;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ServiceSettingsTest {

    @Test
    void settingsComeFromTheEnvironmentVariablesWithTheServiceDefaults() {
        EmbeddingSettings embeddings = ServiceParts.embeddingSettings(384);

        assertEquals(384, embeddings.dimensions());
        assertEquals(1234, ServiceParts.cacheSettings(1234).capacity());
        assertTrue(embeddings.enabled(), "a base URL switches embeddings on");
        assertEquals("text-embedding-3-small", embeddings.model());
    }

    @Test
    void anUnsetVariableTakesTheDocumentedDefault() {
        BreakerSettings defaults = ServiceSettings.from(BreakerSettings.class, Map.of());
        BreakerSettings tighter = ServiceSettings.from(BreakerSettings.class, Map.of("OPENAI_FAILURE_THRESHOLD", "7"));

        assertTrue(defaults.enabled());
        assertEquals(3, defaults.openaiFailureThreshold(), "the guide's OPENAI_FAILURE_THRESHOLD default");
        assertEquals(7, tighter.openaiFailureThreshold());
    }
}
