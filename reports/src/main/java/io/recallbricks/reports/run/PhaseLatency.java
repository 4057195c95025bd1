package io.recallbricks.reports.run;

import org.HdrHistogram.Histogram;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The latency of one phase, merged exactly from every injector's interval log.
 *
 * @param byEndpoint one histogram per endpoint tag over the whole phase, values in microseconds
 * @param perSecond  per endpoint tag, plus {@link #ALL} for every request, the per-second series in time order
 * @param firstMs    start of the first interval (epoch ms)
 * @param lastMs     end of the last interval (epoch ms)
 */
public record PhaseLatency(Map<String, Histogram> byEndpoint, Map<String, List<SecondStats>> perSecond,
                           long firstMs, long lastMs) {

    /** Key of the per-second series of all endpoints together. */
    public static final String ALL = "all";

    public PhaseLatency {
        byEndpoint = Collections.unmodifiableMap(byEndpoint);
        perSecond = Collections.unmodifiableMap(perSecond);
    }

    public Set<String> endpoints() {
        return byEndpoint.keySet();
    }

    /** One histogram of every request of the phase (a copy; callers may not change the phase's data). */
    public Histogram allRequests() {
        Histogram all = new Histogram(3);
        byEndpoint.values().forEach(all::add);
        return all;
    }

    public long totalCount() {
        return byEndpoint.values().stream().mapToLong(Histogram::getTotalCount).sum();
    }

    /** Percentile of a histogram in milliseconds (HdrHistogram's highest equivalent value, µs / 1000). */
    public static double percentileMs(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1000.0;
    }
}
