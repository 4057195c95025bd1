package io.recallbricks.retrieval;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * How {@link HybridFusion} combines the vector and keyword lists: {@code HYBRID_FUSION}, {@code HYBRID_VECTOR_WEIGHT},
 * {@code HYBRID_RRF_K}, {@code HYBRID_KEYWORD_SCORE} (documented in EnvironmentConfig; the defaults are the ones the quality benchmark chose).
 */
@ConfigurationProperties("recallbricks.fusion")
public record FusionSettings(String method, double vectorWeight, int rrfK, String keywordScore) {

    /** The defaults, for code that builds a fusion by hand (benchmarks). */
    public static final FusionSettings DEFAULT = new FusionSettings("weighted", 0.85, 60, "absolute");

    public FusionSettings(String method, double vectorWeight, int rrfK) {
        this(method, vectorWeight, rrfK, "relative");
    }

    /** Whether the weighted fusion takes the full-text rank as it is rather than relative to the best match. */
    boolean absoluteKeywordScore() {
        return "absolute".equals(keywordScore);
    }
}
