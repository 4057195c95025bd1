package io.recallbricks.sla;

/**
 * Request outcomes of one route in one time slice: counts and a log-scale latency histogram (buckets 10% apart,
 * from 1 ms to about a minute), which can be merged across slices exactly and answers percentiles within 10%.
 */
final class LatencyHistogram {

    private static final double GROWTH = 1.1;
    static final int BUCKETS = 117; // 1.1^116 ms is about 63 s; the last bucket takes everything slower
    private static final double LOG_GROWTH = Math.log(GROWTH);

    private final long[] counts = new long[BUCKETS];
    private long requests;
    private long serverErrors;

    synchronized void record(long micros, boolean serverError) {
        double millis = Math.max(1.0, micros / 1000.0);
        int bucket = (int) Math.min(BUCKETS - 1, Math.ceil(Math.log(millis) / LOG_GROWTH));
        counts[bucket]++;
        requests++;
        if (serverError) {
            serverErrors++;
        }
    }

    synchronized void addTo(LatencyHistogram total) {
        synchronized (total) {
            for (int i = 0; i < BUCKETS; i++) {
                total.counts[i] += counts[i];
            }
            total.requests += requests;
            total.serverErrors += serverErrors;
        }
    }

    synchronized long requests() {
        return requests;
    }

    synchronized long serverErrors() {
        return serverErrors;
    }

    /** The latency (ms, the upper edge of its bucket) below which a share {@code quantile} of requests fall. */
    synchronized Double percentileMillis(double quantile) {
        if (requests == 0) {
            return null;
        }
        long rank = (long) Math.ceil(quantile * requests);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.round(Math.pow(GROWTH, i) * 10) / 10.0;
            }
        }
        return Math.round(Math.pow(GROWTH, BUCKETS - 1) * 10) / 10.0;
    }
}
