package io.recallbricks.perf.config;

import java.util.Map;
import java.util.Optional;

/**
 * What the suite is pointed at, read from the deployment guide's environment variables. Each absent value means
 * "provision it": no API_URL starts the service jar, no DATABASE_URL starts an embedded PostgreSQL, no
 * OPENAI_BASE_URL starts the bundled fake embedding API (or runs keyword-only when the fake is not built).
 *
 * @param apiUrl        API_URL: a deployed service's base URL (with or without the /api/v1 suffix)
 * @param operatorKey   ADMIN_API_KEY, else API_KEY: the operator key that creates tenants
 * @param tenantKey     API_KEY: used as the only tenant when the operator key is refused
 * @param databaseUrl   DATABASE_URL: JDBC or postgresql:// URL, used by the started service and for pg_stat_activity
 */
public record TargetSpec(Optional<String> apiUrl, Optional<String> operatorKey, Optional<String> tenantKey,
                         Optional<String> databaseUrl, Optional<String> openaiBaseUrl, Optional<String> openaiApiKey) {

    public static TargetSpec fromEnvironment(Map<String, String> env) {
        Optional<String> apiKey = nonBlank(env.get("API_KEY"));
        Optional<String> adminKey = nonBlank(env.get("ADMIN_API_KEY"));
        Optional<String> apiUrl = nonBlank(env.get("API_URL")).map(TargetSpec::serviceRoot);
        if (apiUrl.isPresent() && apiKey.isEmpty() && adminKey.isEmpty()) {
            throw new IllegalArgumentException("API_URL is set but neither ADMIN_API_KEY nor API_KEY: "
                    + "the suite needs the operator key to create tenants (or a tenant key in API_KEY)");
        }
        return new TargetSpec(apiUrl, adminKey.or(() -> apiKey), apiKey,
                nonBlank(env.get("DATABASE_URL")), nonBlank(env.get("OPENAI_BASE_URL")),
                nonBlank(env.get("OPENAI_API_KEY")));
    }

    /** The guide's API_URL ends in /api/v1 (k6 style); the suite wants the service root. */
    static String serviceRoot(String url) {
        String u = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        return u.endsWith("/api/v1") ? u.substring(0, u.length() - "/api/v1".length()) : u;
    }

    private static Optional<String> nonBlank(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.trim());
    }
}
