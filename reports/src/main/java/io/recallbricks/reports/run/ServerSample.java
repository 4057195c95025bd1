package io.recallbricks.reports.run;

import io.recallbricks.reports.criteria.SampleQuantity;

import java.time.Instant;
import java.util.Map;
import java.util.OptionalDouble;

/** One sample of the service's /metrics and pg_stat_activity (a line of server-samples.jsonl). */
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
        String degradationLevel) {

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
            case PG_CONNECTIONS -> of(pgConnections);
            case DB_CONNECTIONS_ACTIVE -> of(dbConnectionsActive);
            case DB_CONNECTIONS_OPEN -> dbConnectionsActive == null || dbConnectionsIdle == null
                    ? OptionalDouble.empty() : OptionalDouble.of(dbConnectionsActive + dbConnectionsIdle);
        };
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
