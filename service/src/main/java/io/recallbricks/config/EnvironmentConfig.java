package io.recallbricks.config;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Every environment variable the service reads, with its default and meaning, in one table. The names are the
 * deployment guide's where it has one.
 *
 * <p>The service is configured only through this table: {@link #properties(Map)} validates the environment and
 * turns it into Micronaut properties before the application context starts, so a missing or invalid value stops
 * startup with one line naming the variable (see {@code Application}). Tests build their configuration through
 * the same method. {@code java -jar recallbricks-service.jar --config-help} prints the table.
 */
public final class EnvironmentConfig {

    /** One variable: its default ({@code null} when required), what it means, and the properties it sets. */
    public record Setting(String variable, String defaultValue, String description,
                          Function<String, Map<String, Object>> binding, boolean emptyIsAValue) {

        public Setting(String variable, String defaultValue, String description,
                       Function<String, Map<String, Object>> binding) {
            this(variable, defaultValue, description, binding, false);
        }
    }

    public static final List<Setting> SETTINGS = List.of(
            new Setting("PORT", "8080", "HTTP port of the API.",
                    bind("micronaut.server.port", Values.integer("PORT", 0, 65535))),
            new Setting("HOST", "0.0.0.0", "Interface the API listens on.",
                    bind("micronaut.server.host", Values.text())),
            new Setting("DATABASE_URL", null,
                    "PostgreSQL: postgresql://user:pass@host:port/db or jdbc:postgresql://host:port/db?user=..&password=..",
                    EnvironmentConfig::database),
            new Setting("DATABASE_POOL_SIZE", "10", "Maximum connections of the pool (one instance; at least 2: migrations hold one for their lock).",
                    bind("datasources.default.maximum-pool-size", Values.integer("DATABASE_POOL_SIZE", 2, 500))),
            new Setting("DATABASE_CONNECTION_TIMEOUT_MS", "2000",
                    "Longest wait for a pooled connection before the request fails with 503.",
                    bind("datasources.default.connection-timeout", Values.integer("DATABASE_CONNECTION_TIMEOUT_MS", 250, 60_000))),
            new Setting("DATABASE_STATEMENT_TIMEOUT_MS", "5000",
                    "Server-side statement timeout; the client socket gives up 5 s later (a hung server).",
                    EnvironmentConfig::statementTimeout),
            new Setting("MIGRATIONS_ENABLED", "true", "Apply the Flyway migrations at startup (safe with several instances).",
                    bind("flyway.datasources.default.enabled", Values.bool("MIGRATIONS_ENABLED"))),
            new Setting("ADMIN_API_KEY", "",
                    "Operator credential for /api/v1/admin/* (at least 24 characters); admin routes are off when empty.",
                    bind("recallbricks.admin.api-key", Values.secret("ADMIN_API_KEY", 24))),
            new Setting("AUTH_NEGATIVE_CACHE_SECONDS", "10",
                    "Seconds an unknown API key is remembered as unknown, so repeated guesses do not each query the database.",
                    bind("recallbricks.cache.auth-negative-ttl-seconds", Values.integer("AUTH_NEGATIVE_CACHE_SECONDS", 1, 600))),
            new Setting("MAX_MEMORY_TEXT_LENGTH", "10000", "Longest memory text accepted, in characters.",
                    bind("recallbricks.memories.max-text-length", Values.integer("MAX_MEMORY_TEXT_LENGTH", 1, 1_000_000))),
            new Setting("IDEMPOTENCY_KEY_TTL_HOURS", "24",
                    "How long an Idempotency-Key of POST /api/v1/memories is remembered: a retry within it gets the first memory back.",
                    bind("recallbricks.idempotency.ttl-hours", Values.integer("IDEMPOTENCY_KEY_TTL_HOURS", 1, 24 * 30))),
            new Setting("LEARN_CHAT_MODEL", "",
                    "Chat model (at OPENAI_BASE_URL, e.g. gpt-4o-mini) that improves the metadata of POST /api/v1/memories/learn, "
                            + "behind the 'openai' breaker and OPENAI_WRITE_TIMEOUT_MS; empty: computed locally only.",
                    bind("recallbricks.learn.chat-model", Values.text())),
            new Setting("MAX_REQUEST_SIZE_BYTES", "1048576", "Largest request body accepted (413 beyond).",
                    bind("micronaut.server.max-request-size", Values.integer("MAX_REQUEST_SIZE_BYTES", 1024, 64 * 1024 * 1024))),
            new Setting("CIRCUIT_BREAKER_ENABLED", "true", "Circuit breakers on the database and the embedding API.",
                    bind("recallbricks.breakers.enabled", Values.bool("CIRCUIT_BREAKER_ENABLED"))),
            new Setting("DB_FAILURE_THRESHOLD", "5", "Consecutive database failures that open the 'database' breaker.",
                    bind("recallbricks.breakers.database-failure-threshold", Values.integer("DB_FAILURE_THRESHOLD", 1, 1000))),
            new Setting("OPENAI_FAILURE_THRESHOLD", "3", "Consecutive embedding API failures that open the 'openai' breaker.",
                    bind("recallbricks.breakers.openai-failure-threshold", Values.integer("OPENAI_FAILURE_THRESHOLD", 1, 1000))),
            new Setting("CIRCUIT_BREAKER_OPEN_SECONDS", "15", "How long an open breaker refuses calls before it lets trial calls through.",
                    bind("recallbricks.breakers.open-seconds", Values.integer("CIRCUIT_BREAKER_OPEN_SECONDS", 1, 3600))),
            new Setting("EMBEDDING_PROVIDER", "auto",
                    "Where embeddings come from: 'openai' (an OpenAI-compatible API, OPENAI_*), 'local' (all-MiniLM-L6-v2, "
                            + "384 dimensions, run in process from the jar; loads in the background after start-up), 'none' "
                            + "(keyword-only). 'auto': openai when OPENAI_API_KEY or OPENAI_BASE_URL is set, else local.",
                    bind("recallbricks.embeddings.provider", Values.oneOf("EMBEDDING_PROVIDER", "auto", "openai", "local", "none"))),
            new Setting("EMBEDDING_LOCAL_THREADS", "0",
                    "Threads that run the local model (EMBEDDING_PROVIDER=local); 0: one per available processor.",
                    bind("recallbricks.embeddings.local-threads", Values.integer("EMBEDDING_LOCAL_THREADS", 0, 256))),
            new Setting("HYBRID_FUSION", "weighted",
                    "How search, predict and suggest combine vector and keyword candidates: 'weighted' (HYBRID_VECTOR_WEIGHT "
                            + "x cosine + the rest x relative full-text rank) or 'rrf' (reciprocal-rank fusion). See quality/README.md.",
                    bind("recallbricks.fusion.method", Values.oneOf("HYBRID_FUSION", "weighted", "rrf"))),
            new Setting("HYBRID_VECTOR_WEIGHT", "0.85",
                    "Share of the vector list in the fusion (1: vector order only, 0: keyword order only).",
                    bind("recallbricks.fusion.vector-weight", Values.decimal("HYBRID_VECTOR_WEIGHT", 0, 1))),
            new Setting("HYBRID_KEYWORD_SCORE", "absolute",
                    "The keyword part of HYBRID_FUSION=weighted: the full-text rank 'relative' to the query's best match, or 'absolute'.",
                    bind("recallbricks.fusion.keyword-score", Values.oneOf("HYBRID_KEYWORD_SCORE", "relative", "absolute"))),
            new Setting("HYBRID_RRF_K", "60", "The k of reciprocal-rank fusion: larger flattens the advantage of the top ranks.",
                    bind("recallbricks.fusion.rrf-k", Values.integer("HYBRID_RRF_K", 1, 1000))),
            new Setting("OPENAI_API_KEY", "",
                    "Key of the embedding API (and of LEARN_CHAT_MODEL). With it or OPENAI_BASE_URL, EMBEDDING_PROVIDER=auto "
                            + "uses the API; with neither, the local model.",
                    bind("recallbricks.embeddings.api-key", Values.text())),
            new Setting("OPENAI_BASE_URL", "",
                    "Any OpenAI-compatible API root (e.g. http://127.0.0.1:9100/v1); https://api.openai.com/v1 when only a key is set.",
                    bind("recallbricks.embeddings.base-url", Values.httpUrl("OPENAI_BASE_URL"))),
            new Setting("OPENAI_EMBEDDING_MODEL", "text-embedding-3-small", "Embedding model name.",
                    bind("recallbricks.embeddings.model", Values.text())),
            new Setting("OPENAI_EMBEDDING_DIMENSIONS", "1536",
                    "Vector size expected from the API (sent as 'dimensions' to text-embedding-3 models); another size is an error.",
                    bind("recallbricks.embeddings.dimensions", Values.integer("OPENAI_EMBEDDING_DIMENSIONS", 1, 8192))),
            new Setting("OPENAI_CONNECT_TIMEOUT_MS", "1000", "TCP connect timeout to the embedding API.",
                    bind("recallbricks.embeddings.connect-timeout-ms", Values.integer("OPENAI_CONNECT_TIMEOUT_MS", 50, 60_000))),
            new Setting("OPENAI_QUERY_TIMEOUT_MS", "800",
                    "Total time a search/predict/suggest waits for a query embedding (retries included) before answering from keywords.",
                    bind("recallbricks.embeddings.query-timeout-ms", Values.integer("OPENAI_QUERY_TIMEOUT_MS", 50, 60_000))),
            new Setting("OPENAI_WRITE_TIMEOUT_MS", "2000",
                    "Total time a create/update waits for the memory's embedding; past it the memory is stored and embedded later.",
                    bind("recallbricks.embeddings.write-timeout-ms", Values.integer("OPENAI_WRITE_TIMEOUT_MS", 50, 120_000))),
            new Setting("OPENAI_TIMEOUT_MS", "10000", "Read timeout of one embedding request made by the background job.",
                    bind("recallbricks.embeddings.request-timeout-ms", Values.integer("OPENAI_TIMEOUT_MS", 100, 300_000))),
            new Setting("OPENAI_MAX_RETRIES", "3",
                    "Retries of one embedding call on 429/5xx/connection errors (exponential backoff with jitter, Retry-After honoured).",
                    bind("recallbricks.embeddings.max-retries", Values.integer("OPENAI_MAX_RETRIES", 0, 10))),
            new Setting("OPENAI_RETRY_BASE_DELAY_MS", "200", "First retry delay; it doubles on each retry (capped at 5 s).",
                    bind("recallbricks.embeddings.retry-base-delay-ms", Values.integer("OPENAI_RETRY_BASE_DELAY_MS", 1, 10_000))),
            new Setting("OPENAI_BATCH_SIZE", "64", "Most texts sent in one embedding request.",
                    bind("recallbricks.embeddings.batch-size", Values.integer("OPENAI_BATCH_SIZE", 1, 2048))),
            new Setting("EMBEDDING_CACHE_SIZE", "10000", "Embeddings kept in memory, keyed by model, dimensions and text.",
                    bind("recallbricks.embeddings.cache-size", Values.integer("EMBEDDING_CACHE_SIZE", 0, 10_000_000))),
            new Setting("EMBEDDING_BACKFILL_INTERVAL_SECONDS", "15",
                    "How often the background job embeds memories stored while the embedding API was unavailable.",
                    bind("recallbricks.embeddings.backfill-interval", Values.seconds("EMBEDDING_BACKFILL_INTERVAL_SECONDS", 1, 3600))),
            new Setting("EMBEDDING_BACKFILL_BATCH_SIZE", "64", "Memories the background job embeds per run.",
                    bind("recallbricks.embeddings.backfill-batch-size", Values.integer("EMBEDDING_BACKFILL_BATCH_SIZE", 1, 2048))),
            new Setting("EMBEDDING_BACKFILL_MAX_ATTEMPTS", "8",
                    "Background attempts per memory before the job gives up on it (it stays findable by keywords).",
                    bind("recallbricks.embeddings.backfill-max-attempts", Values.integer("EMBEDDING_BACKFILL_MAX_ATTEMPTS", 1, 100))),
            new Setting("EMBEDDING_BACKFILL_RETRY_DELAY_SECONDS", "30",
                    "Delay before a memory's second background attempt; it doubles with each further attempt (capped at 1 h).",
                    bind("recallbricks.embeddings.backfill-retry-delay-seconds", Values.integer("EMBEDDING_BACKFILL_RETRY_DELAY_SECONDS", 1, 3600))),
            new Setting("VECTOR_INDEX_MAX_MB", "512",
                    "Memory for the per-user vector matrices ranked in the service (least recently used users are dropped).",
                    bind("recallbricks.retrieval.vector-index-max-mb", Values.integer("VECTOR_INDEX_MAX_MB", 1, 1_000_000))),
            new Setting("VECTOR_LOAD_TIMEOUT_MS", "30000",
                    "Longest a request waits for its user's vectors to be loaded or refreshed (by itself or another request); "
                            + "past it the load is abandoned and the request gets 503 DATABASE_UNAVAILABLE.",
                    bind("recallbricks.retrieval.vector-load-timeout-ms", Values.integer("VECTOR_LOAD_TIMEOUT_MS", 100, 600_000))),
            new Setting("CO_ACCESS_WINDOW_MINUTES", "30", "Memories one user reads within this window count as read together.",
                    bind("recallbricks.learning.co-access-window-minutes", Values.integer("CO_ACCESS_WINDOW_MINUTES", 1, 1440))),
            new Setting("LEARNING_ANALYSIS_INTERVAL_MINUTES", "60",
                    "How often the learning analysis (patterns, relationships, metrics) runs for recently active users.",
                    bind("recallbricks.learning.analysis-interval", Values.minutes("LEARNING_ANALYSIS_INTERVAL_MINUTES", 1, 10_080))),
            new Setting("MAINTENANCE_REFRESH_SECONDS", "300",
                    "Age after which a changed user's maintenance report is recomputed (in the background).",
                    bind("recallbricks.learning.maintenance-refresh-seconds", Values.integer("MAINTENANCE_REFRESH_SECONDS", 0, 86_400))),
            new Setting("DB_SLOW_CALL_MS", "2000",
                    "A database call slower than this counts as slow; a window of only slow calls opens the 'database' breaker.",
                    bind("recallbricks.breakers.database-slow-call-ms", Values.integer("DB_SLOW_CALL_MS", 10, 600_000))),
            new Setting("OPENAI_SLOW_CALL_MS", "5000",
                    "An embedding call slower than this counts as slow; a window of only slow calls opens the 'openai' breaker.",
                    bind("recallbricks.breakers.openai-slow-call-ms", Values.integer("OPENAI_SLOW_CALL_MS", 10, 600_000))),
            new Setting("RATE_LIMIT_ENABLED", "true", "Token-bucket rate limits (global, per user, expensive routes).",
                    bind("recallbricks.rate-limit.enabled", Values.bool("RATE_LIMIT_ENABLED"))),
            new Setting("RATE_LIMIT_WINDOW_MS", "60000",
                    "Window of the limits below: a bucket holds LIMIT tokens and refills LIMIT tokens per window.",
                    bind("recallbricks.rate-limit.window-ms", Values.integer("RATE_LIMIT_WINDOW_MS", 1000, 86_400_000))),
            new Setting("GLOBAL_RATE_LIMIT", "1000",
                    "Requests per window for all callers together (per instance; for the whole cluster with REDIS_URL).",
                    bind("recallbricks.rate-limit.global-limit", Values.integer("GLOBAL_RATE_LIMIT", 1, 100_000_000))),
            new Setting("USER_RATE_LIMIT", "100", "Requests per window for one tenant.",
                    bind("recallbricks.rate-limit.user-limit", Values.integer("USER_RATE_LIMIT", 1, 100_000_000))),
            new Setting("EXPENSIVE_RATE_LIMIT", "20",
                    "Requests per window for one tenant on the costly routes: predict, suggest, recall, search-weighted, learn, "
                            + "learning/analyze and maintenance-suggestions (on top of USER_RATE_LIMIT).",
                    bind("recallbricks.rate-limit.expensive-limit", Values.integer("EXPENSIVE_RATE_LIMIT", 1, 100_000_000))),
            new Setting("CLIENT_RATE_LIMIT", "60",
                    "Requests per window from one client address that carry no API key or a key that is not valid (key "
                            + "guessing); taken before the global limit, so such a flood cannot starve the tenants.",
                    bind("recallbricks.rate-limit.client-limit", Values.integer("CLIENT_RATE_LIMIT", 1, 100_000_000))),
            new Setting("REDIS_URL", "",
                    "redis://host:port: rate-limit buckets shared by all instances; empty keeps them in this instance.",
                    bind("recallbricks.rate-limit.redis-url", Values.redisUrl("REDIS_URL"))),
            new Setting("CACHE_ENABLED", "true", "In-memory caches (API key lookups, embeddings).",
                    bind("recallbricks.cache.enabled", Values.bool("CACHE_ENABLED"))),
            new Setting("CACHE_TTL", "300", "Seconds an entry stays in a cache.",
                    bind("recallbricks.cache.ttl-seconds", Values.integer("CACHE_TTL", 1, 86_400))),
            new Setting("MAX_CACHE_SIZE", "10000", "Most entries one cache holds (least recently used ones go first).",
                    bind("recallbricks.cache.max-size", Values.integer("MAX_CACHE_SIZE", 1, 10_000_000))),
            new Setting("CACHE_MAX_KEYS", "0", "The guide's other name for MAX_CACHE_SIZE; wins when set above 0.",
                    bind("recallbricks.cache.max-keys", Values.integer("CACHE_MAX_KEYS", 0, 10_000_000))),
            new Setting("AUTH_CACHE_TTL_SECONDS", "30",
                    "Seconds an API key lookup is cached (capped by CACHE_TTL); a key revoked through another instance stops working here within this time.",
                    bind("recallbricks.cache.auth-ttl-seconds", Values.integer("AUTH_CACHE_TTL_SECONDS", 1, 3600))),
            new Setting("DEGRADATION_ENABLED", "true", "Switch optional features off under load.",
                    bind("recallbricks.degradation.enabled", Values.bool("DEGRADATION_ENABLED"))),
            new Setting("DEGRADATION_CAPACITY", "64",
                    "Requests in flight at once that count as full load (load = in flight / capacity).",
                    bind("recallbricks.degradation.capacity", Values.integer("DEGRADATION_CAPACITY", 1, 100_000))),
            new Setting("DEGRADATION_HIGH_LOAD_THRESHOLD", "0.8",
                    "Load at which the level becomes 'high' (temporal-pattern signals and context suggestions off).",
                    bind("recallbricks.degradation.high-threshold", Values.decimal("DEGRADATION_HIGH_LOAD_THRESHOLD", 0.01, 10))),
            new Setting("DEGRADATION_CRITICAL_LOAD_THRESHOLD", "0.95",
                    "Load at which the level becomes 'critical' (also maintenance suggestions and learning metrics off).",
                    bind("recallbricks.degradation.critical-threshold", Values.decimal("DEGRADATION_CRITICAL_LOAD_THRESHOLD", 0.01, 10))),
            new Setting("DEGRADATION_RECOVERY_SECONDS", "10",
                    "The level follows the peak load of this many past seconds, so features do not flap on and off.",
                    bind("recallbricks.degradation.recovery-seconds", Values.integer("DEGRADATION_RECOVERY_SECONDS", 1, 3600))),
            new Setting("SLA_AVAILABILITY_TARGET", "99.9", "Availability target of /sla, in percent of requests not answered 5xx.",
                    bind("recallbricks.sla.availability-target", Values.decimal("SLA_AVAILABILITY_TARGET", 0, 100))),
            new Setting("SLA_ERROR_RATE_TARGET", "1.0", "Error-rate target of /sla, in percent (5xx answers).",
                    bind("recallbricks.sla.error-rate-target", Values.decimal("SLA_ERROR_RATE_TARGET", 0, 100))),
            new Setting("SLA_P95_TARGET_MS", "500",
                    "p95 latency target for routes without their own (search 300, suggest 400, predict 500 ms).",
                    bind("recallbricks.sla.p95-target-ms", Values.integer("SLA_P95_TARGET_MS", 1, 600_000))),
            new Setting("SLA_P99_TARGET_MS", "1000", "p99 latency target of all requests together.",
                    bind("recallbricks.sla.p99-target-ms", Values.integer("SLA_P99_TARGET_MS", 1, 600_000))),
            new Setting("ALERT_EVALUATION_INTERVAL_SECONDS", "5", "How often /alerts evaluates its rules.",
                    bind("recallbricks.alerts.evaluation-interval-seconds", Values.integer("ALERT_EVALUATION_INTERVAL_SECONDS", 1, 3600))),
            new Setting("ALERT_RATE_WINDOW_SECONDS", "300", "Window of the rates the alert rules compare (the rules' [5m]).",
                    bind("recallbricks.alerts.rate-window-seconds", Values.integer("ALERT_RATE_WINDOW_SECONDS", 1, 3600))),
            new Setting("ALERT_FOR_SCALE", "1.0",
                    "Multiplies every rule's 'for' duration (0 fires on the first failing evaluation; for drills and tests).",
                    bind("recallbricks.alerts.for-scale", Values.decimal("ALERT_FOR_SCALE", 0, 100))),
            new Setting("ALERT_RESOLVED_RETENTION_MINUTES", "60", "How long /alerts keeps listing a resolved alert.",
                    bind("recallbricks.alerts.resolved-retention-minutes", Values.integer("ALERT_RESOLVED_RETENTION_MINUTES", 1, 10_080))),
            new Setting("METRICS_ALLOWED_NETWORKS", "127.0.0.0/8,::1/128,10.0.0.0/8,172.16.0.0/12,192.168.0.0/16",
                    "Networks (CIDR, comma-separated) whose clients may read /metrics without a token; empty allows none.",
                    bind("recallbricks.metrics.allowed-networks", Values.networks("METRICS_ALLOWED_NETWORKS")), true),
            new Setting("TRUSTED_PROXIES", "",
                    "Networks (CIDR) of the reverse proxies in front of the service: only a peer in them may name the client "
                            + "in X-Forwarded-For (rate limits per address, the /metrics rule); empty: the peer is the client.",
                    bind("recallbricks.web.trusted-proxies", Values.networks("TRUSTED_PROXIES"))),
            new Setting("METRICS_TOKEN", "",
                    "Bearer token that opens /metrics from any network (at least 16 characters); empty: networks only.",
                    bind("recallbricks.metrics.token", Values.secret("METRICS_TOKEN", 16))),
            new Setting("CORS_ORIGIN", "",
                    "Origins browsers may call the API from (comma-separated, or *); empty disables CORS.",
                    EnvironmentConfig::cors),
            new Setting("COMPRESSION_THRESHOLD_BYTES", "1024",
                    "Text responses at least this large are compressed when the client accepts it (opt out: x-no-compression header).",
                    bind("micronaut.server.netty.compression-threshold", Values.integer("COMPRESSION_THRESHOLD_BYTES", 0, 100 * 1024 * 1024))),
            new Setting("LOG_FORMAT", "text", "Log lines as 'json' (one object per line, with the request id) or 'text'.",
                    value -> Map.of("recallbricks.logging.format", Values.oneOf("LOG_FORMAT", "text", "json").apply(value))),
            new Setting("SHUTDOWN_GRACE_PERIOD_SECONDS", "10",
                    "On SIGTERM, how long in-flight requests may take to finish while new ones are refused.",
                    value -> Map.of("micronaut.lifecycle.graceful-shutdown.enabled", true,
                            "micronaut.lifecycle.graceful-shutdown.grace-period",
                            Values.integer("SHUTDOWN_GRACE_PERIOD_SECONDS", 0, 600).apply(value) + "s"))
    );

    private static final String DRIVER_URL_PARAMETERS = "recallbricks.database.driver-url-parameters";

    private EnvironmentConfig() {
    }

    /** Micronaut properties from the environment; throws {@link InvalidConfigurationException} on the first bad value. */
    public static Map<String, Object> properties(Map<String, String> environment) {
        Map<String, Object> properties = new LinkedHashMap<>();
        for (Setting setting : SETTINGS) {
            String value = environment.get(setting.variable());
            // A variable set to empty means "none" where the table says so (METRICS_ALLOWED_NETWORKS=), else the default.
            if (value == null || (value.isBlank() && !setting.emptyIsAValue())) {
                value = setting.defaultValue();
            }
            if (value == null) {
                throw new InvalidConfigurationException(setting.variable() + " is required: " + setting.description());
            }
            properties.putAll(setting.binding().apply(value.trim()));
        }
        appendDriverParameters(properties);
        return properties;
    }

    /** The table as text, for {@code --config-help}. */
    public static String describe() {
        StringBuilder text = new StringBuilder("Environment variables (default in brackets):\n");
        for (Setting setting : SETTINGS) {
            String shown = setting.defaultValue() == null ? "required" : "'" + setting.defaultValue() + "'";
            text.append(String.format("  %-32s [%s] %s%n", setting.variable(), shown, setting.description()));
        }
        return text.toString();
    }

    private static Function<String, Map<String, Object>> bind(String property, Function<String, Object> parse) {
        return value -> Map.of(property, parse.apply(value));
    }

    private static Map<String, Object> database(String value) {
        DatabaseUrl url = DatabaseUrl.parse(value);
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("datasources.default.url", url.jdbcUrl());
        properties.put("datasources.default.driver-class-name", "org.postgresql.Driver");
        if (url.username() != null) {
            properties.put("datasources.default.username", url.username());
        }
        if (url.password() != null) {
            properties.put("datasources.default.password", url.password());
        }
        return properties;
    }

    private static Map<String, Object> cors(String value) {
        List<String> origins = Values.list(value);
        if (origins.isEmpty()) {
            return Map.of("micronaut.server.cors.enabled", false);
        }
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("micronaut.server.cors.enabled", true);
        String prefix = "micronaut.server.cors.configurations.api.";
        if (!origins.contains("*")) {
            properties.put(prefix + "allowed-origins", String.join(",", origins));
        }
        properties.put(prefix + "allowed-methods", "GET,POST,PUT,PATCH,DELETE,OPTIONS");
        properties.put(prefix + "exposed-headers", "X-Request-ID,X-RateLimit-Limit,X-RateLimit-Remaining,X-RateLimit-Reset,Retry-After,Idempotent-Replayed");
        properties.put(prefix + "max-age", 600);
        return properties;
    }

    private static Map<String, Object> statementTimeout(String value) {
        int millis = (Integer) Values.integer("DATABASE_STATEMENT_TIMEOUT_MS", 100, 600_000).apply(value);
        int socketSeconds = millis / 1000 + 5;
        return Map.of(
                "datasources.default.data-source-properties.options", "-c statement_timeout=" + millis,
                DRIVER_URL_PARAMETERS, "socketTimeout=" + socketSeconds + "&connectTimeout=5");
    }

    /**
     * The driver's client-side timeouts go into the JDBC URL: Micronaut rewrites the keys of
     * {@code data-source-properties} to kebab case ({@code socket-timeout}), which pgjdbc silently ignores, so a hung
     * server held request threads for as long as it hung (found by the database-hang chaos experiment).
     */
    private static void appendDriverParameters(Map<String, Object> properties) {
        Object parameters = properties.remove(DRIVER_URL_PARAMETERS);
        Object url = properties.get("datasources.default.url");
        if (parameters != null && url != null) {
            properties.put("datasources.default.url", DatabaseUrl.withParameters(url.toString(), parameters.toString()));
        }
    }
}
