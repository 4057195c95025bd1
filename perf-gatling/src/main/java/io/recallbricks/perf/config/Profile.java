package io.recallbricks.perf.config;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The named profiles. {@code ci} keeps the shape of {@code full} (warm-up, 100, 150, 200 RPS, stress) in a few
 * minutes; {@code full} follows the deployment guide's durations; {@code soak} holds one rate for hours.
 */
public enum Profile {
    CI, FULL, SOAK;

    public static Profile named(String name) {
        try {
            return valueOf(name.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("unknown profile '" + name + "', expected ci, full or soak");
        }
    }

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public Map<Setting, String> defaults() {
        Map<Setting, String> d = new EnumMap<>(Setting.class);
        d.put(Setting.WRITE_SHARE, "0.10");
        d.put(Setting.SEED, "20261128");
        d.put(Setting.SEED_CONCURRENCY, "8");
        d.put(Setting.RATE_SCALE, "1");
        d.put(Setting.INJECTOR, "local");
        d.put(Setting.SAMPLE_SERVER, "true");
        d.put(Setting.REQUEST_TIMEOUT, "10s");
        d.put(Setting.RUNS_DIR, "runs");
        d.put(Setting.SERVICE_JVM_OPTIONS, "-Xms512m -Xmx1g -XX:+UseG1GC");
        d.put(Setting.DB_POOL_SIZE, "20");
        d.put(Setting.RATE_LIMITS, "sized");
        d.put(Setting.EMBEDDING_LATENCY, "80/400");
        d.put(Setting.SOAK, "off");
        d.put(Setting.SERVICE_RSS_BUDGET, "auto");
        d.put(Setting.LARGEST_TENANTS, "off");
        d.put(Setting.STRESS_RESOLUTION, "10");
        d.put(Setting.NEW_QUERY_SHARE, "0.30");
        switch (this) {
            case CI -> {
                d.put(Setting.TENANTS, "10");
                d.put(Setting.MEMORIES_PER_TENANT, "100");
                d.put(Setting.WARMUP, "50@20s");
                d.put(Setting.BASELINE, "100@30s");
                d.put(Setting.SUSTAINED, "150@30s");
                d.put(Setting.PEAK, "200@30s");
                d.put(Setting.STRESS, "300,400,500,600,700,800,1000,1200,1500,2000");
                d.put(Setting.STRESS_STEP, "15s");
                d.put(Setting.SAMPLE_INTERVAL, "2s");
                d.put(Setting.PROGRESS_INTERVAL, "5s");
                d.put(Setting.CHAOS, "ci");
            }
            case FULL -> {
                d.put(Setting.TENANTS, "50");
                d.put(Setting.MEMORIES_PER_TENANT, "400");
                d.put(Setting.WARMUP, "50@2m");
                d.put(Setting.BASELINE, "100@10m");
                d.put(Setting.SUSTAINED, "150@15m");
                d.put(Setting.PEAK, "200@5m");
                d.put(Setting.STRESS, "300,400,500,600,700,800,1000,1200,1500,2000,2500,3000");
                d.put(Setting.STRESS_STEP, "2m");
                d.put(Setting.SAMPLE_INTERVAL, "5s");
                d.put(Setting.PROGRESS_INTERVAL, "10s");
                d.put(Setting.CHAOS, "full");
                d.put(Setting.LARGEST_TENANTS, "5@2000");
            }
            case SOAK -> {
                d.put(Setting.TENANTS, "50");
                d.put(Setting.MEMORIES_PER_TENANT, "400");
                d.put(Setting.WARMUP, "50@2m");
                d.put(Setting.BASELINE, "off");
                d.put(Setting.SUSTAINED, "off");
                d.put(Setting.PEAK, "off");
                d.put(Setting.STRESS, "off");
                d.put(Setting.STRESS_STEP, "2m");
                d.put(Setting.SOAK, "150@1h");
                d.put(Setting.SAMPLE_INTERVAL, "15s");
                d.put(Setting.PROGRESS_INTERVAL, "30s");
                d.put(Setting.CHAOS, "off"); // the soak criteria (reports/criteria/soak.yaml) judge endurance only
            }
        }
        return d;
    }
}
