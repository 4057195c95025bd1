package io.recallbricks.testing;

import io.recallbricks.chaos.embeddings.FakeEmbeddingApi;
import io.recallbricks.chaos.embeddings.FakeEmbeddingConfig;

import java.util.HashMap;
import java.util.Map;

/**
 * The chaos module's fake OpenAI embedding API, one per test class, and the environment that points a service at it
 * with small vectors (fast tests), a short query budget and a short breaker open period.
 */
public final class FakeEmbeddings {

    public static final int DIMENSIONS = 256;

    private FakeEmbeddings() {
    }

    public static FakeEmbeddingApi start() {
        return FakeEmbeddingApi.start(FakeEmbeddingConfig.defaults());
    }

    public static Map<String, String> environment(FakeEmbeddingApi fake, Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>();
        env.put("EMBEDDING_PROVIDER", "openai");
        env.put("OPENAI_BASE_URL", fake.openAiBaseUrl());
        env.put("OPENAI_API_KEY", "test-key");
        env.put("OPENAI_EMBEDDING_DIMENSIONS", Integer.toString(DIMENSIONS));
        env.put("OPENAI_QUERY_TIMEOUT_MS", "3000");
        env.put("OPENAI_WRITE_TIMEOUT_MS", "5000");
        env.put("OPENAI_TIMEOUT_MS", "5000");
        env.put("OPENAI_RETRY_BASE_DELAY_MS", "20");
        env.put("CIRCUIT_BREAKER_OPEN_SECONDS", "1");
        env.putAll(overrides);
        return env;
    }
}
