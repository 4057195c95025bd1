package io.recallbricks.embedding;

import io.recallbricks.health.HealthContributor;
import jakarta.inject.Singleton;

/** {@code /health}'s {@code embeddings}: {@code keyword-only}, {@code loading} / {@code failed} (local model), {@code ok}, or the 'openai' breaker's state. */
@Singleton
public class EmbeddingHealth implements HealthContributor {

    private final Embedder embedder;

    public EmbeddingHealth(Embedder embedder) {
        this.embedder = embedder;
    }

    @Override
    public String name() {
        return "embeddings";
    }

    @Override
    public Object snapshot() {
        return embedder.status();
    }
}
