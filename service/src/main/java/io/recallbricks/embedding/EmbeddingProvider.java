package io.recallbricks.embedding;

import java.util.List;

/**
 * Where vectors come from: an OpenAI-compatible API ({@link EmbeddingClient}) or a model run in process
 * ({@link LocalEmbeddings}), chosen by {@code EMBEDDING_PROVIDER}. {@link Embedder} puts the cache, the batching and
 * the callers' budgets in front of either, so search, writes and the backfill job do not know which one answers.
 *
 * <p>Every vector is stored with {@link #model()} and {@link #dimensions()}; the vector index only compares vectors
 * of the provider's current model and size, and {@link EmbeddingBackfill} re-embeds the others.
 */
public interface EmbeddingProvider {

    /** The provider's name as EMBEDDING_PROVIDER spells it: {@code openai}, {@code local} or {@code none}. */
    String name();

    /** Whether the provider can ever give vectors ({@code none} cannot: the service runs keyword-only). */
    boolean enabled();

    /** The id of the model stored beside each vector (vectors of different models are never compared). */
    String model();

    int dimensions();

    /** Vectors for {@code texts}, in order, within {@code budget}; at most {@code batch-size} texts (the caller batches). */
    List<float[]> embed(List<String> texts, CallBudget budget) throws EmbeddingUnavailableException;

    /** Prepares the provider off the start-up path (the local model loads in the background); no wait. */
    default void start() {
    }

    /** What /health shows under {@code embeddings}: {@code ok}, {@code loading}, {@code keyword-only}, a breaker state... */
    String status();
}
