package io.recallbricks.perf.record;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.recallbricks.perf.workload.Endpoint;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumMap;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramLogWriter;
import org.HdrHistogram.Recorder;

/**
 * Records every response of one phase: latency per endpoint into HdrHistogram recorders, written as 1 s
 * intervals (one tag per endpoint, microseconds) to {@code latency-<injector>.hlog}, and the OK/KO counts to
 * {@code outcomes-<injector>.json} when the phase closes. Recording is lock-free; {@link #flushInterval()} is
 * called by one thread once a second.
 */
public final class PhaseRecorder implements AutoCloseable {

    private static final int SIGNIFICANT_DIGITS = 3;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path outcomesFile;
    private final PrintStream log;
    private final HistogramLogWriter writer;
    private final Map<Endpoint, Recorder> recorders = new EnumMap<>(Endpoint.class);
    private final Map<Endpoint, Histogram> recycled = new EnumMap<>(Endpoint.class);
    private final Outcomes outcomes = new Outcomes();
    private final Histogram phaseLatency = new Histogram(SIGNIFICANT_DIGITS);
    private final Map<Endpoint, Histogram> endpointLatency = new EnumMap<>(Endpoint.class);
    private final Deque<long[]> perSecond = new ArrayDeque<>();
    private volatile long clockMillis;
    private final long startMillis;
    private boolean closed;
    private final java.util.concurrent.atomic.AtomicLong firstNanos = new java.util.concurrent.atomic.AtomicLong();
    private volatile long lastNanos;
    /** The arrival window on System.nanoTime()'s clock; until it is opened nothing counts as inside it. */
    private volatile long windowStartNanos = Long.MAX_VALUE;
    private volatile long windowEndNanos = Long.MIN_VALUE;

    public PhaseRecorder(Path phaseDir, String injector, long startMillis) {
        try {
            Files.createDirectories(phaseDir);
            this.log = new PrintStream(Files.newOutputStream(phaseDir.resolve("latency-" + injector + ".hlog")),
                    false, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write in " + phaseDir, e);
        }
        this.outcomesFile = phaseDir.resolve("outcomes-" + injector + ".json");
        this.startMillis = startMillis;
        this.clockMillis = startMillis;
        this.writer = new HistogramLogWriter(log);
        writer.outputComment("RecallBricks load suite, injector " + injector + ", latency in microseconds");
        writer.outputLogFormatVersion();
        writer.outputStartTime(startMillis);
        writer.setBaseTime(startMillis);
        writer.outputBaseTime(startMillis);
        writer.outputLegend();
        for (Endpoint e : Endpoint.values()) {
            Recorder r = new Recorder(SIGNIFICANT_DIGITS);
            recorders.put(e, r);
        }
    }

    /**
     * One response (or failure).
     *
     * @param status HTTP status as text, or {@link Outcomes#TIMEOUT} / {@link Outcomes#CONNECTION}
     */
    public void record(Endpoint endpoint, long latencyMicros, String status, boolean ok) {
        long now = System.nanoTime();
        long sentAt = now - latencyMicros * 1_000;
        firstNanos.compareAndSet(0, sentAt);
        lastNanos = now;
        recorders.get(endpoint).recordValue(Math.max(1, latencyMicros));
        boolean sentInWindow = sentAt >= windowStartNanos && sentAt <= windowEndNanos;
        outcomes.add(endpoint, status, ok, sentInWindow, now <= windowEndNanos);
    }

    private volatile long windowLengthNanos = -1;
    private final java.util.concurrent.atomic.AtomicBoolean windowOpen = new java.util.concurrent.atomic.AtomicBoolean();

    /**
     * Arms the arrival window: it opens at the phase's first arrival ({@link #arrival()}) and lasts {@code length}.
     * Requests sent inside it count as offered in it, and their responses count as good only if they complete
     * inside it too. From the first arrival, not from Gatling's before() hook: Gatling sends its first users a few
     * hundred ms after the hook, and a window opened early would close on the schedule's last arrivals.
     */
    public void armWindow(java.time.Duration length) {
        windowLengthNanos = length.toNanos();
    }

    /** Called at every arrival, before its request: the first one opens the window. */
    public void arrival() {
        if (windowLengthNanos >= 0 && !windowOpen.get() && windowOpen.compareAndSet(false, true)) {
            long now = System.nanoTime();
            windowEndNanos = now + windowLengthNanos;
            windowStartNanos = now;
        }
    }

    /** Opens the window now (for tests and callers without arrivals of their own). */
    public void openWindow(java.time.Duration length) {
        armWindow(length);
        arrival();
    }

    /** Writes the interval since the previous call, one histogram per endpoint that saw traffic. */
    public synchronized void flushInterval() {
        if (closed) return;
        long count = 0;
        for (Endpoint e : Endpoint.values()) {
            Histogram h = recorders.get(e).getIntervalHistogram(recycled.get(e));
            recycled.put(e, h);
            if (h.getTotalCount() == 0) continue;
            h.setTag(e.tag);
            // The max column in milliseconds (values are microseconds); readers decode the histogram itself.
            writer.outputIntervalHistogram((h.getStartTimeStamp() - startMillis) / 1000.0,
                    (h.getEndTimeStamp() - startMillis) / 1000.0, h, 1000.0);
            phaseLatency.add(h);
            endpointLatency.computeIfAbsent(e, x -> new Histogram(SIGNIFICANT_DIGITS)).add(h);
            count += h.getTotalCount();
        }
        log.flush();
        perSecond.addLast(new long[] {System.currentTimeMillis(), count});
        while (perSecond.size() > 30) perSecond.removeFirst();
    }

    /** Elapsed time on the console counts from here (when the first arrival is due, after Gatling's start-up). */
    public void restartClock(long millis) {
        clockMillis = millis;
    }

    /** What the console shows: the phase so far. */
    public synchronized Progress progress(int windowSeconds) {
        long inWindow = 0;
        int seconds = 0;
        var it = perSecond.descendingIterator();
        while (it.hasNext() && seconds < windowSeconds) {
            inWindow += it.next()[1];
            seconds++;
        }
        double p95Ms = phaseLatency.getTotalCount() == 0 ? Double.NaN
                : phaseLatency.getValueAtPercentile(95) / 1000.0;
        return new Progress(System.currentTimeMillis() - clockMillis, seconds == 0 ? 0 : (double) inWindow / seconds,
                outcomes.total(), outcomes.failures(), p95Ms);
    }

    /**
     * Responses per second over the span from the first request sent to the last response received: under
     * overload, late responses stretch the span, so the achieved rate falls below the intended one.
     */
    public double achievedRps(java.time.Duration intended) {
        long first = firstNanos.get();
        double span = first == 0 ? 0 : (lastNanos - first) / 1e9;
        double seconds = Math.max(span, intended.toMillis() / 1000.0);
        return seconds == 0 ? 0 : outcomes.total() / seconds;
    }

    public Outcomes outcomes() {
        return outcomes;
    }

    /** All latencies of the phase so far, all endpoints merged (microseconds). */
    public synchronized Histogram phaseLatency() {
        return phaseLatency.copy();
    }

    /** Latencies of the phase so far per endpoint that saw traffic (microseconds). */
    public synchronized Map<Endpoint, Histogram> endpointLatency() {
        Map<Endpoint, Histogram> copy = new EnumMap<>(Endpoint.class);
        endpointLatency.forEach((e, h) -> copy.put(e, h.copy()));
        return copy;
    }

    @Override
    public synchronized void close() {
        if (closed) return;
        flushInterval();
        closed = true;
        log.close();
        try {
            JSON.writeValue(outcomesFile.toFile(), outcomes.toJson());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + outcomesFile, e);
        }
    }

    public record Progress(long elapsedMillis, double recentRps, long requests, long failures, double p95Ms) {
    }
}
