package io.recallbricks.perf.config;

/**
 * Every knob of the suite, in one place. Each can be set by the profile, overridden by the environment
 * ({@code SUITE_<KEY>}, e.g. {@code SUITE_BASELINE=120@5m}) and then by the command line ({@code --baseline=120@5m}).
 * The target itself (API_URL, API_KEY, DATABASE_URL, OPENAI_BASE_URL) keeps the deployment guide's variable names.
 */
public enum Setting {
    TENANTS("tenants", "number of tenants (one API key each) created through the admin API"),
    MEMORIES_PER_TENANT("memories-per-tenant", "memories seeded per tenant before the load"),
    LARGEST_TENANTS("largest-tenants", "<n>@<memories>: the first n tenants hold this many memories instead (so a tenant's candidate set is not trivially small), or off"),
    WARMUP("warmup", "warm-up load, never judged, <rps>@<duration> or off"),
    BASELINE("baseline", "baseline phase, <rps>@<duration> or off"),
    SUSTAINED("sustained", "sustained phase, <rps>@<duration> or off"),
    PEAK("peak", "peak phase, <rps>@<duration> or off"),
    STRESS("stress", "stress steps, comma-separated rates (each held for stress-step), or off"),
    STRESS_STEP("stress-step", "how long each stress step holds its rate"),
    STRESS_RESOLUTION("stress-resolution", "after the ladder, bisect between the last held and the first broken rate until they are at most this many percent apart"),
    SOAK("soak", "soak phase, <rps>@<duration> (e.g. 150@8h) or off"),
    WRITE_SHARE("write-share", "share of arrivals that write (create 50%, update 25%, feedback 25%), 0..0.5"),
    SEED("seed", "seed of the generated dataset and query stream"),
    SEED_CONCURRENCY("seed-concurrency", "concurrent requests while seeding"),
    RATE_SCALE("rate-scale", "multiplies every rate: 0.5 when each of two injectors runs half of the load"),
    INJECTOR("injector", "name of this injector; names its files in the run folder"),
    SAMPLE_SERVER("sample-server", "sample /metrics and pg_stat_activity (true on exactly one injector)"),
    REQUEST_TIMEOUT("request-timeout", "client timeout per request; a timeout counts as a KO"),
    SAMPLE_INTERVAL("sample-interval", "how often /metrics and pg_stat_activity are sampled"),
    PROGRESS_INTERVAL("progress-interval", "how often the console prints a progress line"),
    RUNS_DIR("runs-dir", "folder that receives runs/<profile>-<timestamp>/"),
    SERVICE_JVM_OPTIONS("service-jvm-options", "JVM options of the service when the suite starts it (its heap budget is their -Xmx)"),
    SERVICE_RSS_BUDGET("service-rss-budget", "resident memory the service may use: auto (its cgroup limit, else -Xmx + 512m for a service the suite starts; none for a deployed one) or a size such as 1536m or 2g"),
    CHAOS("chaos", "chaos experiments run after the load into the run folder: ci (2 experiments), full (all 7), or off (the verdict then says PASSED without resilience)"),
    NEW_QUERY_SHARE("new-query-share", "share of queries never seen before (embedding-cache misses by construction), 0..1"),
    DB_POOL_SIZE("db-pool-size", "DATABASE_POOL_SIZE of the service when the suite starts it"),
    RATE_LIMITS("rate-limits", "limits of a service the suite starts: 'sized' to the load, or 'service' (its own)"),
    EMBEDDING_LATENCY("embedding-latency", "latency of the bundled fake embedding API: <median>/<p99> ms, or 0 (answers at once)");

    public final String key;
    public final String description;

    Setting(String key, String description) {
        this.key = key;
        this.description = description;
    }

    public String environmentName() {
        return "SUITE_" + key.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }

    public static Setting byKey(String key) {
        for (Setting s : values()) {
            if (s.key.equals(key)) return s;
        }
        throw new IllegalArgumentException("unknown option --" + key + " (see `./suite help`)");
    }
}
