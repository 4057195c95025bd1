package io.recallbricks.embedding;

import java.util.List;

/** {@code EMBEDDING_PROVIDER=none}: no vectors at all; search, predict and suggest rank by keywords. */
final class NoEmbeddings implements EmbeddingProvider {

    @Override
    public String name() {
        return "none";
    }

    @Override
    public boolean enabled() {
        return false;
    }

    @Override
    public String model() {
        return "none";
    }

    @Override
    public int dimensions() {
        return 0;
    }

    @Override
    public List<float[]> embed(List<String> texts, CallBudget budget) throws EmbeddingUnavailableException {
        throw new EmbeddingUnavailableException(EmbeddingUnavailableException.Reason.DISABLED, "EMBEDDING_PROVIDER is none");
    }

    @Override
    public String status() {
        return "keyword-only";
    }
}
