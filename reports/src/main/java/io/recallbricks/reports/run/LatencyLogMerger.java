package io.recallbricks.reports.run;

import org.HdrHistogram.EncodableHistogram;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogReader;

import java.io.FileNotFoundException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * Merges the interval logs of one phase (one per injector) into per-endpoint histograms and per-second series.
 *
 * <p>Histograms add exactly, so the merged percentiles are those of one histogram of every response. The files
 * are read side by side in time order and the per-second buckets are summarised as soon as every file has moved
 * past them, so memory stays bounded however long the phase ran. Intervals are bucketed by the wall-clock second
 * their interval starts in; a file may be up to {@link #DISORDER_SECONDS} seconds out of order.
 */
public final class LatencyLogMerger {

    static final long DISORDER_SECONDS = 10;
    private static final String UNTAGGED = "untagged";

    private final Map<String, Histogram> totals = new TreeMap<>();
    private final Map<String, List<SecondStats>> series = new TreeMap<>();
    private final NavigableMap<Long, Map<String, Histogram>> pending = new TreeMap<>();
    private long lastFlushed = Long.MIN_VALUE;
    private long firstMs = Long.MAX_VALUE;
    private long lastMs = Long.MIN_VALUE;

    private LatencyLogMerger() {
    }

    /** Reads and merges the given logs; an unreadable log raises {@link RunReadException} naming it. */
    public static PhaseLatency merge(List<Path> logs) {
        LatencyLogMerger merger = new LatencyLogMerger();
        List<Source> sources = new ArrayList<>();
        try {
            for (Path log : logs) {
                sources.add(new Source(log));
            }
            merger.consume(sources);
        } finally {
            sources.forEach(Source::close);
        }
        return new PhaseLatency(merger.totals, merger.series, merger.firstMs, merger.lastMs);
    }

    private void consume(List<Source> sources) {
        while (true) {
            Source earliest = null;
            for (Source s : sources) {
                if (s.peek() != null && (earliest == null || second(s.peek()) < second(earliest.peek()))) {
                    earliest = s;
                }
            }
            if (earliest == null) {
                break;
            }
            add(earliest.take());
            long nextMs = minPeek(sources);
            if (nextMs != Long.MAX_VALUE) {
                flushBefore(second(nextMs) - DISORDER_SECONDS);
            }
        }
        flushBefore(Long.MAX_VALUE);
    }

    private long minPeek(List<Source> sources) {
        long min = Long.MAX_VALUE;
        for (Source s : sources) {
            if (s.peek() != null) {
                min = Math.min(min, s.peek().getStartTimeStamp());
            }
        }
        return min;
    }

    private void add(Histogram interval) {
        String tag = interval.getTag() == null ? UNTAGGED : interval.getTag();
        totals.computeIfAbsent(tag, t -> new Histogram(3)).add(interval);
        firstMs = Math.min(firstMs, interval.getStartTimeStamp());
        lastMs = Math.max(lastMs, interval.getEndTimeStamp());
        long second = second(interval);
        if (second <= lastFlushed) {
            // Later than the disorder window allows: exact in the totals, charted in the first open second.
            second = lastFlushed + 1;
        }
        pending.computeIfAbsent(second, s -> new HashMap<>()).computeIfAbsent(tag, t -> new Histogram(3)).add(interval);
    }

    private void flushBefore(long second) {
        while (!pending.isEmpty() && pending.firstKey() < second) {
            Map.Entry<Long, Map<String, Histogram>> bucket = pending.pollFirstEntry();
            Histogram all = new Histogram(3);
            for (Map.Entry<String, Histogram> e : new TreeMap<>(bucket.getValue()).entrySet()) {
                series.computeIfAbsent(e.getKey(), t -> new ArrayList<>()).add(stats(bucket.getKey(), e.getValue()));
                all.add(e.getValue());
            }
            series.computeIfAbsent(PhaseLatency.ALL, t -> new ArrayList<>()).add(stats(bucket.getKey(), all));
            lastFlushed = bucket.getKey();
        }
    }

    private static SecondStats stats(long second, Histogram h) {
        return new SecondStats(second, h.getTotalCount(), PhaseLatency.percentileMs(h, 50),
                PhaseLatency.percentileMs(h, 95), PhaseLatency.percentileMs(h, 99), h.getMaxValue() / 1000.0);
    }

    private static long second(Histogram h) {
        return second(h.getStartTimeStamp());
    }

    private static long second(long epochMs) {
        return Math.floorDiv(epochMs, 1000);
    }

    /** One log file with one interval of look-ahead. */
    private static final class Source {
        private final Path file;
        private final HistogramLogReader reader;
        private Histogram next;

        Source(Path file) {
            this.file = file;
            try {
                this.reader = new HistogramLogReader(file.toFile());
            } catch (FileNotFoundException e) {
                throw new RunReadException(file + " cannot be opened: " + e.getMessage(), e);
            }
            advance();
        }

        Histogram peek() {
            return next;
        }

        void close() {
            reader.close();
        }

        Histogram take() {
            Histogram h = next;
            advance();
            return h;
        }

        private void advance() {
            EncodableHistogram read;
            try {
                read = reader.nextIntervalHistogram();
            } catch (RuntimeException e) {
                reader.close();
                throw new RunReadException(file + " is not a readable HdrHistogram log: " + e, e);
            }
            if (read == null) {
                reader.close();
                next = null;
            } else if (read instanceof Histogram h) {
                next = h;
            } else {
                reader.close();
                throw new RunReadException(file + " holds " + read.getClass().getSimpleName()
                        + " intervals; latency logs must hold integer Histograms of microseconds");
            }
        }
    }
}
