package io.recallbricks.retrieval;

import io.micronaut.context.annotation.ConfigurationProperties;

/** {@code VECTOR_INDEX_MAX_MB} (documented in EnvironmentConfig). */
@ConfigurationProperties("recallbricks.retrieval")
public record RetrievalSettings(int vectorIndexMaxMb) {
}
