package io.recallbricks.retrieval;

import io.micronaut.context.annotation.ConfigurationProperties;

/** {@code VECTOR_INDEX_MAX_MB}, {@code VECTOR_LOAD_TIMEOUT_MS} (documented in EnvironmentConfig). */
@ConfigurationProperties("recallbricks.retrieval")
public record RetrievalSettings(int vectorIndexMaxMb, int vectorLoadTimeoutMs) {
}
