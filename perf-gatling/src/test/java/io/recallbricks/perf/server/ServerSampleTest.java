package io.recallbricks.perf.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ServerSampleTest {

    private static final Instant T = Instant.parse("2026-11-28T13:01:00Z");

    @Test
    void mapsTheContractMetricsToSampleFields() {
        PrometheusText before = PrometheusText.parse("cache_hits_total{cache=\"embeddings\"} 100\n"
                + "cache_misses_total{cache=\"embeddings\"} 50\n");
        PrometheusText now = PrometheusText.parse("""
                process_cpu_usage 0.31
                system_cpu_usage 0.62
                jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 100
                jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 300
                jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 5000
                jvm_memory_max_bytes{area="heap",id="G1 Eden Space"} -1
                jvm_memory_max_bytes{area="heap",id="G1 Old Gen"} 1073741824
                jvm_memory_max_bytes{area="nonheap",id="Metaspace"} 5000000
                process_resident_memory_bytes 4.5E8
                db_connections_active 2
                db_connections_idle 8
                db_connections_max 10
                circuit_breaker_state{breaker_name="database"} 0
                circuit_breaker_state{breaker_name="openai"} 2
                cache_hits_total{cache="embeddings"} 190
                cache_misses_total{cache="embeddings"} 60
                degradation_level 1
                """);
        Map<String, Object> s = ServerSample.of(T, "sustained", now, before, Optional.of(2048L), Optional.of(12));
        assertEquals("2026-11-28T13:01:00Z", s.get("t"));
        assertEquals("sustained", s.get("phase"));
        assertEquals(0.31, s.get("processCpu"));
        assertEquals(0.62, s.get("systemCpu"));
        assertEquals(400L, s.get("heapUsedBytes"));
        assertEquals(1073741824L, s.get("heapMaxBytes"));
        assertEquals(450_000_000L, s.get("rssBytes"));
        assertEquals(2048L, s.get("memoryLimitBytes"));
        assertEquals(2L, s.get("dbConnectionsActive"));
        assertEquals(8L, s.get("dbConnectionsIdle"));
        assertEquals(10L, s.get("dbConnectionsMax"));
        assertEquals(12, s.get("pgConnections"));
        assertEquals(Map.of("database", "closed", "openai", "open"), s.get("breakers"));
        assertEquals(0.9, (double) s.get("cacheHitRate"), 1e-9); // 90 hits of 100 lookups in the interval
        assertEquals("high", s.get("degradationLevel"));
    }

    @Test
    void omitsWhatTheServiceDoesNotExport() {
        PrometheusText now = PrometheusText.parse("""
                process_cpu_usage 0.5
                jvm_memory_max_bytes{area="heap",id="G1 Eden Space"} -1
                jvm_memory_max_bytes{area="nonheap",id="Metaspace"} 1000
                """);
        Map<String, Object> s = ServerSample.of(T, "peak", now, null, Optional.empty(), Optional.empty());
        assertEquals(Map.of("t", "2026-11-28T13:01:00Z", "phase", "peak", "processCpu", 0.5), s);
        assertFalse(s.containsKey("heapMaxBytes"), "no heap pool with a maximum: no heap maximum");
    }

    @Test
    void poolWaitsAndTheEmbeddingCacheAreMeasuredOverTheInterval() {
        PrometheusText before = PrometheusText.parse("""
                hikaricp_connections_acquire_seconds_sum{pool="recallbricks"} 1.0
                hikaricp_connections_acquire_seconds_count{pool="recallbricks"} 1000
                cache_hits_total{cache="embeddings"} 10
                cache_misses_total{cache="embeddings"} 10
                cache_hits_total{cache="api_keys"} 1000
                cache_misses_total{cache="api_keys"} 0
                """);
        PrometheusText now = PrometheusText.parse("""
                hikaricp_connections_acquire_seconds_sum{pool="recallbricks"} 21.0
                hikaricp_connections_acquire_seconds_count{pool="recallbricks"} 1100
                hikaricp_connections_pending{pool="recallbricks"} 7
                cache_hits_total{cache="embeddings"} 40
                cache_misses_total{cache="embeddings"} 80
                cache_hits_total{cache="api_keys"} 2000
                cache_misses_total{cache="api_keys"} 0
                """);
        var s = ServerSample.of(java.time.Instant.now(), "peak", now, before, java.util.Optional.empty(),
                java.util.Optional.empty());
        assertEquals(200.0, (double) s.get("dbPoolAcquireMs"), 1e-9, "20 s of waiting over 100 acquisitions");
        assertEquals(7L, s.get("dbPoolPending"));
        assertEquals(0.3, (double) s.get("embeddingCacheHitRate"), 1e-9, "30 hits of 100 embedding lookups");
        assertEquals(1030.0 / 1100, (double) s.get("cacheHitRate"), 1e-9, "all caches, api keys included");
    }
}
