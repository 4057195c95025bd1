package io.recallbricks.perf.server;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Turns one scrape of /metrics (and a pg_stat_activity count) into a line of server-samples.jsonl
 * (docs/contracts.md section 3). A field appears only when its metric was exported: nothing is invented.
 */
public final class ServerSample {

    private static final String[] BREAKER_STATES = {"closed", "half-open", "open"};
    private static final String[] DEGRADATION_LEVELS = {"normal", "high", "critical"};

    private ServerSample() {
    }

    /**
     * @param previous the scrape before this one (for the cache hit rate over the interval), or null
     * @param memoryLimitBytes the memory limit of the service's host or container, when the suite knows it
     */
    public static Map<String, Object> of(Instant t, String phase, PrometheusText metrics, PrometheusText previous,
                                         Optional<Long> memoryLimitBytes, Optional<Integer> pgConnections) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("t", t.toString());
        s.put("phase", phase);
        metrics.value("process_cpu_usage").ifPresent(v -> s.put("processCpu", v));
        metrics.value("system_cpu_usage").ifPresent(v -> s.put("systemCpu", v));
        metrics.sum("jvm_memory_used_bytes", l -> "heap".equals(l.get("area")))
                .ifPresent(v -> s.put("heapUsedBytes", v.longValue()));
        // Micrometer reports -1 for a pool without its own maximum (G1's Eden and Survivor share the heap with Old
        // Gen, whose maximum is -Xmx), so the heap's maximum is the sum of the pools that have one.
        double heapMax = metrics.all("jvm_memory_max_bytes").stream()
                .filter(x -> "heap".equals(x.labels().get("area")) && x.value() > 0)
                .mapToDouble(PrometheusText.Sample::value).sum();
        if (heapMax > 0) s.put("heapMaxBytes", (long) heapMax);
        metrics.value("process_resident_memory_bytes").ifPresent(v -> s.put("rssBytes", v.longValue()));
        memoryLimitBytes.ifPresent(v -> s.put("memoryLimitBytes", v));
        metrics.value("db_connections_active").ifPresent(v -> s.put("dbConnectionsActive", v.longValue()));
        metrics.value("db_connections_idle").ifPresent(v -> s.put("dbConnectionsIdle", v.longValue()));
        metrics.value("db_connections_max").ifPresent(v -> s.put("dbConnectionsMax", v.longValue()));
        pgConnections.ifPresent(v -> s.put("pgConnections", v));
        Map<String, String> breakers = new LinkedHashMap<>();
        for (var b : metrics.all("circuit_breaker_state")) {
            String name = b.labels().get("breaker_name");
            if (name != null) breakers.put(name, label(BREAKER_STATES, b.value()));
        }
        if (!breakers.isEmpty()) s.put("breakers", breakers);
        cacheHitRate(metrics, previous, l -> true).ifPresent(v -> s.put("cacheHitRate", v));
        // The query-embedding cache alone: what the latency of a retrieval request depends on.
        cacheHitRate(metrics, previous, l -> "embeddings".equals(l.get("cache")))
                .ifPresent(v -> s.put("embeddingCacheHitRate", v));
        // The live set: the heap left after the last major collection (Micrometer's JvmGcMetrics).
        metrics.value("jvm_gc_live_data_size_bytes").filter(v -> v > 0)
                .ifPresent(v -> s.put("heapLiveBytes", v.longValue()));
        // Threads waiting for a pooled connection: where pool exhaustion shows first.
        metrics.sum("hikaricp_connections_pending", l -> true).ifPresent(v -> s.put("dbPoolPending", v.longValue()));
        poolAcquireMs(metrics, previous).ifPresent(v -> s.put("dbPoolAcquireMs", Math.round(v * 1000) / 1000.0));
        metrics.value("degradation_level").ifPresent(v -> s.put("degradationLevel", label(DEGRADATION_LEVELS, v)));
        return s;
    }

    /** The mean time a request waited for a pooled connection between two scrapes (Hikari's acquire timer), in ms. */
    static OptionalDouble poolAcquireMs(PrometheusText now, PrometheusText before) {
        if (before == null) return OptionalDouble.empty();
        Optional<Double> s1 = now.sum("hikaricp_connections_acquire_seconds_sum", l -> true);
        Optional<Double> c1 = now.sum("hikaricp_connections_acquire_seconds_count", l -> true);
        Optional<Double> s0 = before.sum("hikaricp_connections_acquire_seconds_sum", l -> true);
        Optional<Double> c0 = before.sum("hikaricp_connections_acquire_seconds_count", l -> true);
        if (s1.isEmpty() || c1.isEmpty() || s0.isEmpty() || c0.isEmpty()) return OptionalDouble.empty();
        double count = c1.get() - c0.get();
        return count > 0 ? OptionalDouble.of((s1.get() - s0.get()) / count * 1000) : OptionalDouble.of(0);
    }

    /** Hits over lookups between two scrapes; absent without a previous scrape or without lookups in between. */
    static OptionalDouble cacheHitRate(PrometheusText now, PrometheusText before) {
        return cacheHitRate(now, before, l -> true);
    }

    static OptionalDouble cacheHitRate(PrometheusText now, PrometheusText before,
                                       java.util.function.Predicate<Map<String, String>> which) {
        if (before == null) return OptionalDouble.empty();
        Optional<Double> h1 = now.sum("cache_hits_total", which);
        Optional<Double> m1 = now.sum("cache_misses_total", which);
        Optional<Double> h0 = before.sum("cache_hits_total", which);
        Optional<Double> m0 = before.sum("cache_misses_total", which);
        if (h1.isEmpty() || m1.isEmpty() || h0.isEmpty() || m0.isEmpty()) return OptionalDouble.empty();
        double hits = h1.get() - h0.get();
        double lookups = hits + m1.get() - m0.get();
        return lookups > 0 && hits >= 0 ? OptionalDouble.of(hits / lookups) : OptionalDouble.empty();
    }

    private static String label(String[] names, double value) {
        int i = (int) Math.round(value);
        return i >= 0 && i < names.length ? names[i] : "unknown(" + value + ")";
    }
}
