package io.recallbricks.perf.record;

import java.util.ArrayList;
import java.util.List;

/**
 * Whether the injector kept its schedule in a phase: it must have sent at least 95 % of the arrivals the phase
 * offered inside the arrival window (an open model's arrivals are Poisson: a 30 s phase at 100 rps is 3,000 ± 55,
 * so 5 % is well outside the noise), and its threads must have been on time (send-lag p99 below 100 ms). A phase
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
        List<String> why = new ArrayList<>();
        if (sentRps < offeredRps * minSentShare) {
            why.add(String.format("sent %.1f of %.0f rps offered (< %.0f %%)", sentRps, offeredRps, 100 * minSentShare));
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
