package io.recallbricks.retrieval;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * How {@link HybridFusion} combines the vector and keyword lists: {@code HYBRID_FUSION}, {@code HYBRID_VECTOR_WEIGHT},
 * {@code HYBRID_RRF_K} (documented in EnvironmentConfig; the defaults are the ones the quality benchmark chose).
 */
@ConfigurationProperties("recallbricks.fusion")
public record FusionSettings(String method, double vectorWeight, int rrfK) {

    /** The defaults, for code that builds a fusion by hand (benchmarks). */
    public static final FusionSettings DEFAULT = new FusionSettings("weighted", 0.7, 60);
}
