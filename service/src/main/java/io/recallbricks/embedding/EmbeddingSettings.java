package io.recallbricks.embedding;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * The embedding API and how it is called (the {@code OPENAI_*} and {@code EMBEDDING_*} variables of
 * {@code EnvironmentConfig}, where each is documented with its default).
 */
@ConfigurationProperties("recallbricks.embeddings")
public record EmbeddingSettings(String provider,
                                String apiKey,
                                String baseUrl,
                                String model,
                                int dimensions,
                                int connectTimeoutMs,
                                int queryTimeoutMs,
                                int writeTimeoutMs,
                                int requestTimeoutMs,
                                int maxRetries,
                                int retryBaseDelayMs,
                                int batchSize,
                                int backfillBatchSize,
                                int backfillMaxAttempts,
                                int backfillRetryDelaySeconds,
                                int localThreads) {

    static final String OPENAI_BASE_URL = "https://api.openai.com/v1";

    /**
     * The provider in use: EMBEDDING_PROVIDER when set, else {@code openai} when an OpenAI-compatible API is
     * configured (a key or a base URL), else {@code local} (the packaged model: semantic search with only the jar).
     */
    public String chosenProvider() {
        if (!blank(provider) && !"auto".equals(provider)) {
            return provider;
        }
        return enabled() ? "openai" : "local";
    }

    /** Whether an OpenAI-compatible API is configured: a key or a base URL. */
    public boolean enabled() {
        return !blank(apiKey) || !blank(baseUrl);
    }

    String endpoint() {
        return (blank(baseUrl) ? OPENAI_BASE_URL : baseUrl) + "/embeddings";
    }

    /** OpenAI's text-embedding-3 models shorten their vectors on request; older models reject the parameter. */
    boolean sendsDimensions() {
        return model.startsWith("text-embedding-3");
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
