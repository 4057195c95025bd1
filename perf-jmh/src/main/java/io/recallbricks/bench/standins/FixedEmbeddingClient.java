package io.recallbricks.bench.standins;

import io.micrometer.core.instrument.MeterRegistry;
import io.recallbricks.embedding.CallBudget;
import io.recallbricks.embedding.EmbeddingClient;
import io.recallbricks.embedding.EmbeddingSettings;
import io.recallbricks.resilience.Breakers;

import java.util.ArrayList;
import java.util.List;

/**
 * Stands in for the network behind the service's {@link EmbeddingClient}: answers every text with a vector derived
 * from its hash, at once. Everything in front of it (the service's Embedder, its cache and counters) is the real
 * code; what this removes is the HTTP round trip, which belongs to the load tests, not to a microbenchmark.
 */
public final class FixedEmbeddingClient extends EmbeddingClient {

    private final int dimensions;

    public FixedEmbeddingClient(EmbeddingSettings settings, Breakers breakers, MeterRegistry meters) {
        super(settings, breakers, null, meters);
        this.dimensions = settings.dimensions();
    }

    @Override
    public List<float[]> embed(List<String> texts, CallBudget budget) {
        List<float[]> vectors = new ArrayList<>(texts.size());
        for (String text : texts) {
            vectors.add(vectorFor(text, dimensions));
        }
        return vectors;
    }

    /** The vector this stand-in answers for {@code text}: the same text always gets the same vector. */
    public static float[] vectorFor(String text, int dimensions) {
        float[] vector = new float[dimensions];
        int h = text.hashCode();
        for (int i = 0; i < dimensions; i++) {
            h = h * 31 + i;
            vector[i] = (h & 0xffff) / 65536f - 0.5f;
        }
        return vector;
    }
}
