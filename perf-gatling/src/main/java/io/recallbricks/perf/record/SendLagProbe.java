package io.recallbricks.perf.record;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;

/**
 * How late the injector's own threads get to run: a thread of the injector asks to wake every 10 ms and records how
 * late it woke (scheduled vs actual start, jHiccup's method). When the injector is short of CPU, or pauses for GC,
 * Gatling's schedulers are late by the same amount and the arrivals it sends leave late; the probe measures that
 * without touching Gatling's internals. The count of requests sent inside the window is the other half of the
 * injector check ({@link InjectorCheck}).
 */
public final class SendLagProbe implements AutoCloseable {

    private static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(10);

    private final Histogram lagMicros = new Histogram(TimeUnit.MINUTES.toMicros(10), 3);
    private final Thread thread;
    private volatile boolean running = true;

    public SendLagProbe() {
        thread = new Thread(this::loop, "send-lag-probe");
        thread.setDaemon(true);
        thread.start();
    }

    private void loop() {
        long next = System.nanoTime() + PERIOD_NANOS;
        while (running) {
            long wait = next - System.nanoTime();
            if (wait > 0) LockSupport.parkNanos(wait);
            long now = System.nanoTime();
            if (now < next) continue; // woke early (spurious): not a lag
            long lag = now - next;
            synchronized (lagMicros) {
                lagMicros.recordValue(Math.min(lag / 1_000, lagMicros.getHighestTrackableValue()));
            }
            // The next wake-up is scheduled from now: one long pause is one long lag, not a burst of them.
            next = now + PERIOD_NANOS;
        }
    }

    /** The lag at a percentile so far, in ms. */
    public double lagMs(double percentile) {
        synchronized (lagMicros) {
            return lagMicros.getTotalCount() == 0 ? 0 : lagMicros.getValueAtPercentile(percentile) / 1000.0;
        }
    }

    public double maxLagMs() {
        synchronized (lagMicros) {
            return lagMicros.getMaxValue() / 1000.0;
        }
    }

    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
