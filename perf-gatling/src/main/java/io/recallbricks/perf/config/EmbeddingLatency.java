package io.recallbricks.perf.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The latency the bundled fake embedding API models, written {@code 80/400} (median / 99th percentile in
 * milliseconds) or {@code 0} (answer at once). The default, 80/400, is what text-embedding-3-small answers from a
 * nearby region; {@code 0} measures the service alone, as DESIGN §5's "when the embedding API answers fast" asks.
 */
public record EmbeddingLatency(int medianMs, int p99Ms) {

    private static final Pattern FORM = Pattern.compile("(\\d{1,5})/(\\d{1,5})");

    public EmbeddingLatency {
        if (medianMs < 0 || p99Ms < medianMs) {
            throw new IllegalArgumentException("the p99 must not be below the median");
        }
    }

    public static EmbeddingLatency parse(String text) {
        String t = text.trim();
        if (t.equals("0")) return new EmbeddingLatency(0, 0);
        Matcher m = FORM.matcher(t);
        if (!m.matches()) {
            throw new IllegalArgumentException("expected <median>/<p99> in ms such as 80/400, or 0, got '" + text + "'");
        }
        int median = Integer.parseInt(m.group(1));
        int p99 = Integer.parseInt(m.group(2));
        if (median == 0) throw new IllegalArgumentException("write 0 for no latency, not 0/" + p99);
        return new EmbeddingLatency(median, p99);
    }

    public boolean none() {
        return medianMs == 0;
    }

    @Override
    public String toString() {
        return none() ? "no added latency" : "median " + medianMs + " ms, p99 " + p99Ms + " ms";
    }
}
