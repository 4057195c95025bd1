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
        add(endpoint, status, ok, false, false);
    }

    /**
     * @param sentInWindow the request was sent inside the phase's arrival window
     * @param completedInWindow and its response (any outcome) also completed inside it
     */
    public void add(Endpoint endpoint, String status, boolean ok, boolean sentInWindow, boolean completedInWindow) {
        Counts c = byEndpoint.computeIfAbsent(endpoint, e -> new Counts());
        (ok ? c.ok : c.ko).increment();
        c.byStatus.computeIfAbsent(status, s -> new LongAdder()).increment();
        if (sentInWindow) {
            c.sent.increment();
            if (completedInWindow) {
                c.completed.increment();
                if (ok) c.good.increment();
            }
        }
    }

    /** Requests sent inside the arrival window, all endpoints. */
    public long sentInWindow() {
        return byEndpoint.values().stream().mapToLong(c -> c.sent.sum()).sum();
    }

    /** OK responses to requests sent inside the window that completed inside it, all endpoints. */
    public long goodInWindow() {
        return byEndpoint.values().stream().mapToLong(c -> c.good.sum()).sum();
    }

    /** Responses (any outcome) of one endpoint; 0 when it saw none. */
    public long total(Endpoint e) {
        Counts c = byEndpoint.get(e);
        return c == null ? 0 : c.ok.sum() + c.ko.sum();
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
            Map<String, Object> counts = new java.util.LinkedHashMap<>();
            counts.put("ok", c.ok.sum());
            counts.put("ko", c.ko.sum());
            counts.put("byStatus", statuses);
            counts.put("sentInWindow", c.sent.sum());
            counts.put("completedInWindow", c.completed.sum());
            counts.put("goodInWindow", c.good.sum());
            json.put(e.tag, counts);
        }
        return json;
    }

    private static final class Counts {
        final LongAdder ok = new LongAdder();
        final LongAdder ko = new LongAdder();
        final Map<String, LongAdder> byStatus = new ConcurrentHashMap<>();
        final LongAdder sent = new LongAdder();
        final LongAdder completed = new LongAdder();
        final LongAdder good = new LongAdder();
    }
}
