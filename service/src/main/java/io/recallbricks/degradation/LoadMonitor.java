package io.recallbricks.degradation;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Measures load as requests in flight against a configured capacity. The load it reports is the peak of the last
 * DEGRADATION_RECOVERY_SECONDS (rising load counts at once, falling load only once it has stayed low), so features
 * do not flap on and off from one request to the next.
 */
@Singleton
public class LoadMonitor {

    private final DegradationSettings settings;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger peakThisSecond = new AtomicInteger();
    private final Deque<Integer> recentPeaks = new ArrayDeque<>();

    public LoadMonitor(DegradationSettings settings) {
        this.settings = settings;
    }

    void started() {
        int now = inFlight.incrementAndGet();
        peakThisSecond.accumulateAndGet(now, Math::max);
    }

    void finished() {
        inFlight.decrementAndGet();
    }

    public int inFlight() {
        return inFlight.get();
    }

    /** Peak requests in flight over the recovery window, divided by the capacity. */
    public synchronized double load() {
        int peak = peakThisSecond.get();
        for (int recent : recentPeaks) {
            peak = Math.max(peak, recent);
        }
        return (double) peak / settings.capacity();
    }

    @Scheduled(fixedRate = "1s")
    synchronized void tick() {
        recentPeaks.addLast(peakThisSecond.getAndSet(inFlight.get()));
        while (recentPeaks.size() > settings.recoverySeconds()) {
            recentPeaks.removeFirst();
        }
    }
}
