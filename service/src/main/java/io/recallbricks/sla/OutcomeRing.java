package io.recallbricks.sla;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A sliding window of request outcomes: {@code slots} slices of {@code sliceMillis} each, per route. A slice is
 * reused (cleared) when time comes round to it again, so memory stays fixed whatever the traffic.
 */
final class OutcomeRing {

    private final long sliceMillis;
    private final Slice[] slices;

    private static final class Slice {
        long epoch = -1;
        final Map<String, LatencyHistogram> routes = new ConcurrentHashMap<>();
    }

    OutcomeRing(long sliceMillis, int slots) {
        this.sliceMillis = sliceMillis;
        this.slices = new Slice[slots];
        for (int i = 0; i < slots; i++) {
            slices[i] = new Slice();
        }
    }

    long spanMillis() {
        return sliceMillis * slices.length;
    }

    void record(long nowMillis, String route, long micros, boolean serverError) {
        slice(nowMillis / sliceMillis).routes.computeIfAbsent(route, r -> new LatencyHistogram())
                .record(micros, serverError);
    }

    /** Merges the slices that overlap the last {@code periodMillis} into one histogram per route. */
    Map<String, LatencyHistogram> window(long nowMillis, long periodMillis) {
        long newest = nowMillis / sliceMillis;
        long oldest = (nowMillis - periodMillis) / sliceMillis + 1;
        Map<String, LatencyHistogram> merged = new ConcurrentHashMap<>();
        for (long epoch = Math.max(oldest, newest - slices.length + 1); epoch <= newest; epoch++) {
            Slice slice = slices[(int) (epoch % slices.length)];
            synchronized (slice) {
                if (slice.epoch != epoch) {
                    continue;
                }
                slice.routes.forEach((route, histogram) ->
                        histogram.addTo(merged.computeIfAbsent(route, r -> new LatencyHistogram())));
            }
        }
        return merged;
    }

    private Slice slice(long epoch) {
        Slice slice = slices[(int) (epoch % slices.length)];
        synchronized (slice) {
            if (slice.epoch != epoch) {
                slice.routes.clear();
                slice.epoch = epoch;
            }
        }
        return slice;
    }
}
