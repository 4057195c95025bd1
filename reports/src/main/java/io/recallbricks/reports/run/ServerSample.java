package io.recallbricks.reports.run;

import io.recallbricks.reports.criteria.SampleQuantity;

import java.time.Instant;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * One sample of the service's /metrics and pg_stat_activity (a line of server-samples.jsonl). {@code rssBudgetBytes}
 * is the resident memory the service was given (cgroup limit, or the budget the suite derived from the JVM options
 * it started the service with, or an explicit option); {@code heapLiveBytes} the heap left after the last major
 * collection (the live set); {@code dbPoolPending} the threads waiting for a pooled connection.
 */
public record ServerSample(
        Instant t,
        String phase,
        Double processCpu,
        Double systemCpu,
        Double heapUsedBytes,
        Double heapMaxBytes,
        Double rssBytes,
        Double memoryLimitBytes,
        Double dbConnectionsActive,
        Double dbConnectionsIdle,
        Double dbConnectionsMax,
        Double pgConnections,
        Map<String, String> breakers,
        Double cacheHitRate,
        String degradationLevel,
        Double rssBudgetBytes,
        Double heapLiveBytes,
        Double dbPoolPending,
        Double embeddingCacheHitRate,
        Double dbPoolAcquireMs) {

    public ServerSample {
        breakers = breakers == null ? Map.of() : Map.copyOf(breakers);
    }

    /** The quantity as judged: ratios in %, counts as they are; empty when the sample lacks a field it needs. */
    public OptionalDouble quantity(SampleQuantity q) {
        return switch (q) {
            case PROCESS_CPU -> percent(processCpu);
            case SYSTEM_CPU -> percent(systemCpu);
            case CACHE_HIT_RATE -> percent(cacheHitRate);
            case RSS_RATIO -> ratio(rssBytes, memoryLimitBytes);
            case HEAP_RATIO -> ratio(heapUsedBytes, heapMaxBytes);
            case RSS_BUDGET_RATIO -> ratio(rssBytes, rssBudgetBytes);
            case LIVE_HEAP_RATIO -> ratio(heapLiveBytes, heapMaxBytes);
            case MEMORY_BUDGET -> worst(quantity(SampleQuantity.RSS_BUDGET_RATIO), quantity(SampleQuantity.LIVE_HEAP_RATIO));
            case DB_POOL_PENDING -> of(dbPoolPending);
            case DB_POOL_ACQUIRE_MS -> of(dbPoolAcquireMs);
            case PG_CONNECTIONS -> of(pgConnections);
            case DB_CONNECTIONS_ACTIVE -> of(dbConnectionsActive);
            case DB_CONNECTIONS_OPEN -> dbConnectionsActive == null || dbConnectionsIdle == null
                    ? OptionalDouble.empty() : OptionalDouble.of(dbConnectionsActive + dbConnectionsIdle);
        };
    }

    /** The larger of two ratios, or the one present. */
    private static OptionalDouble worst(OptionalDouble a, OptionalDouble b) {
        if (a.isEmpty()) {
            return b;
        }
        return b.isEmpty() ? a : OptionalDouble.of(Math.max(a.getAsDouble(), b.getAsDouble()));
    }

    private static OptionalDouble percent(Double fraction) {
        return fraction == null ? OptionalDouble.empty() : OptionalDouble.of(fraction * 100);
    }

    private static OptionalDouble ratio(Double used, Double limit) {
        return used == null || limit == null || limit <= 0 ? OptionalDouble.empty()
                : OptionalDouble.of(used / limit * 100);
    }

    private static OptionalDouble of(Double value) {
        return value == null ? OptionalDouble.empty() : OptionalDouble.of(value);
    }
}
