package io.recallbricks.perf.record;

import io.recallbricks.perf.workload.Endpoint;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * OK/KO counts per endpoint, split by HTTP status ("200", "503") or by the failure that left no status
 * ("timeout", "connection"). Serialises to the outcomes*.json shape of docs/contracts.md section 3.
 */
public final class Outcomes {

    public static final String TIMEOUT = "timeout";
    public static final String CONNECTION = "connection";

    private final Map<Endpoint, Counts> byEndpoint = new ConcurrentHashMap<>();

    public void add(Endpoint endpoint, String status, boolean ok) {
        Counts c = byEndpoint.computeIfAbsent(endpoint, e -> new Counts());
        (ok ? c.ok : c.ko).increment();
        c.byStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
    }

    public long total() {
        return byEndpoint.values().stream().mapToLong(c -> c.ok.sum() + c.ko.sum()).sum();
    }

    public long failures() {
        return byEndpoint.values().stream().mapToLong(c -> c.ko.sum()).sum();
    }

    /** {"predict": {"ok": n, "ko": n, "byStatus": {"200": n}}, ...} in endpoint order. */
    public Map<String, Object> toJson() {
        Map<String, Object> json = new java.util.LinkedHashMap<>();
        for (Endpoint e : Endpoint.values()) {
            Counts c = byEndpoint.get(e);
            if (c == null) continue;
            Map<String, Long> statuses = new TreeMap<>();
            c.byStatus.forEach((k, v) -> statuses.put(k, v.sum()));
            json.put(e.tag, Map.of("ok", c.ok.sum(), "ko", c.ko.sum(), "byStatus", statuses));
        }
        return json;
    }

    private static final class Counts {
        final LongAdder ok = new LongAdder();
        final LongAdder ko = new LongAdder();
        final Map<String, LongAdder> byStatus = new ConcurrentHashMap<>();
    }
}
