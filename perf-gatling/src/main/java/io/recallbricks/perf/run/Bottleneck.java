package io.recallbricks.perf.run;

import java.util.Map;
import java.util.StringJoiner;

/**
 * Which resource ran out in the step that broke: the injector when it fell behind its schedule; the machine's CPU
 * when the processes serving the load kept it (nearly) all busy, naming the process that used most; else no CPU
 * ceiling, and the step's own misses say what broke (latency, errors, pool waits). When the whole machine was busy
 * but the load's own processes were not what kept it busy, the neighbours took the CPU, and it says so.
 */
final class Bottleneck {

    /** Share of the whole machine at or above which its CPU counts as used up (the rest is the OS and neighbours). */
    static final double SATURATED = 0.85;

    private Bottleneck() {
    }

    static String of(PhaseResult broken, java.util.List<String> missed) {
        if (broken.injector() != null && broken.injector().bound()) {
            return "injector (" + broken.injector().whyText() + ")";
        }
        Map<String, Double> shares = broken.cpuShares();
        double total = shares.values().stream().mapToDouble(Double::doubleValue).sum();
        StringJoiner parts = new StringJoiner(", ");
        String largest = null;
        double most = -1;
        for (Map.Entry<String, Double> e : shares.entrySet()) {
            parts.add(String.format("%s %.0f %%", e.getKey(), 100 * e.getValue()));
            if (e.getValue() > most) {
                most = e.getValue();
                largest = e.getKey();
            }
        }
        if (shares.isEmpty()) {
            return "unknown (no local processes measured); missed: " + String.join(", ", missed);
        }
        if (total >= SATURATED) {
            return String.format("machine CPU, %.0f %% busy (%s); largest: %s", 100 * total, parts, largest);
        }
        if (broken.machineBusy() != null && broken.machineBusy() >= SATURATED) {
            return String.format("machine CPU, %.0f %% busy, %.0f %% of it other processes than the load's (%s)",
                    100 * broken.machineBusy(), 100 * (broken.machineBusy() - total), parts);
        }
        return String.format("no CPU ceiling (%.0f %% busy: %s); missed: %s", 100 * total, parts, String.join(", ", missed));
    }
}
