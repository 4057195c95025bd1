package io.recallbricks.testing;

import io.recallbricks.config.EnvironmentConfig;

import java.util.HashMap;
import java.util.Map;

/**
 * Configuration of a service under test: a fresh database, the operator key below, loopback only, and the
 * service's own defaults, built by the same {@link EnvironmentConfig} as production.
 */
public final class TestService {

    public static final String ADMIN_KEY = "test-admin-7f3a9c1e5b2d8046e1f9a3c7";

    private TestService() {
    }

    public static Map<String, String> properties() {
        return properties(Map.of());
    }

    /** Properties for a service with a fresh database and extra environment variables. */
    public static Map<String, String> properties(Map<String, String> environment) {
        return properties(TestDatabase.fresh(), environment);
    }

    /**
     * Properties of a service configured as an operator's plain {@code java -jar} with only DATABASE_URL (plus the
     * operator key the tests create tenants with, and loopback): every other setting, the embedding provider
     * included, is the service's own default.
     */
    public static Map<String, String> defaults() {
        Map<String, String> properties = new HashMap<>();
        EnvironmentConfig.properties(Map.of("DATABASE_URL", TestDatabase.fresh().postgresUrl(), "ADMIN_API_KEY", ADMIN_KEY,
                "HOST", "127.0.0.1")).forEach((key, value) -> properties.put(key, String.valueOf(value)));
        properties.put("micronaut.server.port", "-1");
        return properties;
    }

    /** Properties for a service on the given database (e.g. one reached through a {@link FaultProxy}). */
    public static Map<String, String> properties(TestDatabase.Database database, Map<String, String> environment) {
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", database.postgresUrl());
        env.put("ADMIN_API_KEY", ADMIN_KEY);
        env.put("HOST", "127.0.0.1");
        // Limits stay on (every response still goes through them and carries X-RateLimit-*), but high enough that a
        // functional test calling predict or suggest in a loop is not refused; rate-limit tests set their own.
        env.put("GLOBAL_RATE_LIMIT", "1000000");
        env.put("USER_RATE_LIMIT", "100000");
        env.put("EXPENSIVE_RATE_LIMIT", "100000");
        // Keyword-only unless a test chooses its provider: the production default (the local model when no API is
        // configured) would load a model into every test's context. Tests of embeddings say EMBEDDING_PROVIDER
        // themselves (FakeEmbeddings.environment says openai; LocalModelSearchTest runs the production default).
        env.put("EMBEDDING_PROVIDER", "none");
        env.putAll(environment);
        Map<String, String> properties = new HashMap<>();
        EnvironmentConfig.properties(env).forEach((key, value) -> properties.put(key, String.valueOf(value)));
        // A random port, so tests never collide with a running service.
        properties.put("micronaut.server.port", "-1");
        return properties;
    }
}
