package io.recallbricks.reports.run;

import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * Responses of one endpoint in one phase: OK/KO as the load suite's checks judged them, and counts by status,
 * where a key is an HTTP status code ("200", "503") or a failure without one ("timeout", "connection").
 *
 * <p>The window counts (null when the suite that wrote the file did not count them) are taken against the phase's
 * arrival window: {@code sentInWindow} requests the injector sent inside it, {@code completedInWindow} responses
 * (any outcome) to requests sent inside it that also completed inside it, {@code goodInWindow} those of them that
 * were OK (the expected status, inside the client timeout). Goodput is {@code goodInWindow} per second of the window.
 */
public record EndpointOutcome(@JsonProperty(required = true) long ok, @JsonProperty(required = true) long ko,
                              Map<String, Long> byStatus, Long sentInWindow, Long completedInWindow,
                              Long goodInWindow) {

    public EndpointOutcome {
        byStatus = byStatus == null ? Map.of() : Map.copyOf(byStatus);
        if (ok < 0 || ko < 0 || byStatus.values().stream().anyMatch(n -> n == null || n < 0)
                || negative(sentInWindow) || negative(completedInWindow) || negative(goodInWindow)) {
            throw new IllegalArgumentException("counts must not be negative");
        }
        if (goodInWindow != null && goodInWindow > ok) {
            throw new IllegalArgumentException("goodInWindow (" + goodInWindow + ") exceeds ok (" + ok + ")");
        }
    }

    public EndpointOutcome(long ok, long ko, Map<String, Long> byStatus) {
        this(ok, ko, byStatus, null, null, null);
    }

    public static final EndpointOutcome NONE = new EndpointOutcome(0, 0, Map.of(), 0L, 0L, 0L);

    /** Whether the window counts (sent, completed, good) were recorded. */
    public boolean hasWindowCounts() {
        return sentInWindow != null && completedInWindow != null && goodInWindow != null;
    }

    private static boolean negative(Long n) {
        return n != null && n < 0;
    }

    private static Long sum(Long a, Long b) {
        return a == null || b == null ? null : a + b;
    }

    public long total() {
        return ok + ko;
    }

    /**
     * Responses that count against availability: 5xx, timeouts, connection errors, and any other key that is
     * not an HTTP status (a transport failure the suite named differently). 4xx (e.g. 429) is an answer.
     */
    public long unavailable() {
        long n = 0;
        for (Map.Entry<String, Long> e : byStatus.entrySet()) {
            String key = e.getKey();
            boolean httpStatus = key.matches("[1-5][0-9][0-9]");
            if (!httpStatus || key.startsWith("5")) {
                n += e.getValue();
            }
        }
        return n;
    }

    public EndpointOutcome plus(EndpointOutcome other) {
        Map<String, Long> sum = new HashMap<>(byStatus);
        other.byStatus.forEach((k, v) -> sum.merge(k, v, Long::sum));
        return new EndpointOutcome(ok + other.ok, ko + other.ko, new TreeMap<>(sum),
                sum(sentInWindow, other.sentInWindow), sum(completedInWindow, other.completedInWindow),
                sum(goodInWindow, other.goodInWindow));
    }
}
