package io.recallbricks.chaos.experiment.journal;

import io.recallbricks.chaos.experiment.ledger.WriteVerification;
import io.recallbricks.chaos.experiment.verdict.Backfill;
import io.recallbricks.chaos.experiment.verdict.Bounds;
import io.recallbricks.chaos.experiment.verdict.Check;
import io.recallbricks.chaos.experiment.verdict.Transition;

import java.util.List;
import java.util.Map;

/**
 * What one experiment's journal holds.
 *
 * @param status        Chaos Toolkit's: completed, failed (the steady state did not hold before the fault), aborted
 *                      (the machinery failed), interrupted
 * @param deviated      the steady-state hypothesis did not hold after the fault
 * @param mttrSeconds   null when the service did not recover within the observation
 */
public record JournalEntry(String name, String title, String description, String status, boolean deviated,
                           long startMs, long endMs, Long injectedAtMs, Long removedAtMs,
                           List<Activity> before, List<Activity> run, List<Activity> rollbacks, List<Activity> after,
                           List<Check> checks, List<Transition> metricsTransitions,
                           List<Transition> healthTransitions, Map<String, Long> requestsDuringFault, long okDuringFault,
                           long koDuringFault, WriteVerification writes, Backfill backfill, Double mttrSeconds,
                           Bounds bounds, Map<String, String> configuration, String profile,
                           List<io.recallbricks.chaos.experiment.verdict.Timeline.Second> timeline) {

    public boolean passed() {
        return "completed".equals(status) && !deviated && checks.stream().allMatch(Check::passed) && !checks.isEmpty();
    }

    public List<String> deviations() {
        List<String> failed = new java.util.ArrayList<>(checks.stream().filter(c -> !c.passed())
                .map(c -> c.name() + ": " + c.detail()).toList());
        if (!"completed".equals(status)) {
            failed.add(0, "experiment " + status);
        }
        if (deviated) {
            failed.add("steady state not back after the fault");
        }
        return failed;
    }
}
