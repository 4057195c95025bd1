package io.recallbricks.perf.record;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether the injector kept its schedule in a phase: it must have sent the arrivals the phase offered inside the
 * arrival window, short by at most 5 % or by four standard deviations of their Poisson count, whichever is more
 * (randomized arrivals: a 20 s warm-up of 550 arrivals is 550 ± 23, a 30 s phase at 100 rps 3,000 ± 55), and its
 * threads must have been on time (send-lag p99 below 100 ms). A phase
 * that misses either is injector-bound: its latencies and rates describe the load generator, so the gate cannot
 * pass on it.
 */
public record InjectorCheck(double minSentShare, double maxLagP99Ms) {

    public static final InjectorCheck DEFAULT = new InjectorCheck(0.95, 100);

    /** What the injector did in one phase; {@code why} is empty when it kept its schedule. */
    public record Load(double offeredRps, double sentRps, double lagP99Ms, double lagMaxMs, double cpuShare,
                       List<String> why) {
        public boolean bound() {
            return !why.isEmpty();
        }

        public String whyText() {
            return String.join("; ", why);
        }
    }

    public Load judge(double offeredRps, double sentRps, double lagP99Ms, double lagMaxMs, double cpuShare) {
        return judge(offeredRps, sentRps, lagP99Ms, lagMaxMs, cpuShare, Double.POSITIVE_INFINITY);
    }

    /** @param windowSeconds the arrival window, which sets the Poisson noise of the count sent in it */
    public Load judge(double offeredRps, double sentRps, double lagP99Ms, double lagMaxMs, double cpuShare,
                      double windowSeconds) {
        List<String> why = new ArrayList<>();
        double expected = offeredRps * windowSeconds;
        double noise = Double.isInfinite(expected) ? 0 : 4 * Math.sqrt(expected) / windowSeconds; // in rps
        double floor = Math.min(offeredRps * minSentShare, offeredRps - noise);
        if (sentRps < floor) {
            why.add(String.format("sent %.1f of %.0f rps offered (< %.1f)", sentRps, offeredRps, floor));
        }
        if (lagP99Ms >= maxLagP99Ms) {
            why.add(String.format("send lag p99 %.0f ms >= %.0f ms", lagP99Ms, maxLagP99Ms));
        }
        if (!why.isEmpty()) {
            why.add(String.format("injector CPU %.0f %% of the machine", 100 * cpuShare));
        }
        return new Load(offeredRps, sentRps, lagP99Ms, lagMaxMs, cpuShare, List.copyOf(why));
    }
}
