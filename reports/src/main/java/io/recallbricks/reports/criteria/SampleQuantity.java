package io.recallbricks.reports.criteria;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * A quantity computed from one server sample (a line of server-samples.jsonl). Ratios are reported in %,
 * counts as they are. The computation lives in {@code ServerSample#quantity}.
 */
public enum SampleQuantity {
    /** The service process's CPU use over all cores (Micrometer's process_cpu_usage), 0..1, shown in %. */
    PROCESS_CPU("processCpu", true),
    /** The whole machine's CPU use (system_cpu_usage), 0..1, shown in %. */
    SYSTEM_CPU("systemCpu", true),
    /** Resident memory of the service process against its memory limit (rssBytes / memoryLimitBytes), in %. */
    RSS_RATIO("rssRatio", true),
    /** JVM heap used against the heap's maximum (heapUsedBytes / heapMaxBytes), in %. */
    HEAP_RATIO("heapRatio", true),
    /** Resident memory against the budget the service was given (rssBytes / rssBudgetBytes), in %. */
    RSS_BUDGET_RATIO("rssBudgetRatio", true),
    /** The heap's live set after the last major collection against the heap's maximum, in %. */
    LIVE_HEAP_RATIO("liveHeapRatio", true),
    /** The worse of rssBudgetRatio and liveHeapRatio (whichever the sample carries), in %. */
    MEMORY_BUDGET("memoryBudget", true),
    /** Mean time a request waited for a pooled connection over a sample's interval (Hikari's acquire timer), ms. */
    DB_POOL_ACQUIRE_MS("dbPoolAcquireMs", false),
    /** Threads waiting for a pooled database connection (Hikari's pending), a count. */
    DB_POOL_PENDING("dbPoolPending", false),
    /** Connections to the service's database as pg_stat_activity counts them (all instances), a count. */
    PG_CONNECTIONS("pgConnections", false),
    /** The service pool's connections in use, a count. */
    DB_CONNECTIONS_ACTIVE("dbConnectionsActive", false),
    /** The service pool's open connections (active + idle), a count. */
    DB_CONNECTIONS_OPEN("dbConnectionsOpen", false),
    /** The service's cache hit rate, 0..1, shown in %. */
    CACHE_HIT_RATE("cacheHitRate", true);

    private final String key;
    private final boolean ratio;

    SampleQuantity(String key, boolean ratio) {
        this.key = key;
        this.ratio = ratio;
    }

    public String key() {
        return key;
    }

    /** Ratios (0..1 in the samples) are judged and shown in %, counts as they are. */
    public boolean isRatio() {
        return ratio;
    }

    public String unit() {
        return ratio ? "%" : "";
    }

    static SampleQuantity fromKey(String key) {
        for (SampleQuantity q : values()) {
            if (q.key.equals(key)) {
                return q;
            }
        }
        throw new IllegalArgumentException("unknown sample '" + key + "'; one of "
                + Arrays.stream(values()).map(SampleQuantity::key).collect(Collectors.joining(", ")));
    }
}
