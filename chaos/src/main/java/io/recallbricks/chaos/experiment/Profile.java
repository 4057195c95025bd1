package io.recallbricks.chaos.experiment;

import java.time.Duration;

/**
 * How long and how hard each experiment runs. {@code ci} keeps two experiments within a few minutes on a small
 * machine; {@code full} is the design's 100 requests/s with longer phases.
 *
 * @param readRps       reads per second (the design's mix)
 * @param writeRps      memory creations per second (every one in the ledger)
 * @param steady        load before the fault: the steady state the hypothesis is checked on
 * @param fault         how long the fault lasts
 * @param recoveryBound error rate and p95 must be back to steady state within this after the fault is removed
 * @param stableWindow  how long they must stay there to count as recovered
 * @param clientTimeout the load's own timeout, well above any the service should take
 */
public record Profile(String name, double readRps, double writeRps, Duration steady, Duration fault,
                     Duration recoveryBound, Duration stableWindow, Duration clientTimeout, int tenants,
                     int seedMemoriesPerTenant) {

    public static Profile named(String name) {
        return switch (name) {
            case "ci" -> new Profile("ci", 40, 10, Duration.ofSeconds(10), Duration.ofSeconds(20),
                    Duration.ofSeconds(30), Duration.ofSeconds(5), Duration.ofSeconds(30), 3, 20);
            case "full" -> new Profile("full", 80, 20, Duration.ofSeconds(20), Duration.ofSeconds(30),
                    Duration.ofSeconds(45), Duration.ofSeconds(5), Duration.ofSeconds(30), 5, 40);
            default -> throw new IllegalArgumentException("unknown profile '" + name + "' (ci or full)");
        };
    }

    /** The experiments each profile runs when {@code --only} is not given: ci one database and one embedding fault. */
    public java.util.List<String> defaultExperiments() {
        return name.equals("ci") ? java.util.List.of("database-down", "embeddings-5xx") : Faults.NAMES;
    }

    public double totalRps() {
        return readRps + writeRps;
    }
}
