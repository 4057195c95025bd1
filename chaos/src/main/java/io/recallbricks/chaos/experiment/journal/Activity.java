package io.recallbricks.chaos.experiment.journal;

/** A Chaos Toolkit activity run: an action (inject/remove a fault) or a probe, with its output and times. */
public record Activity(String type, String name, String status, String output, long startMs, long endMs,
                       Boolean toleranceMet) {

    public static Activity action(String name, String output, long startMs, long endMs) {
        return new Activity("action", name, "succeeded", output, startMs, endMs, null);
    }

    public static Activity failedAction(String name, String error, long startMs, long endMs) {
        return new Activity("action", name, "failed", error, startMs, endMs, null);
    }

    public static Activity probe(String name, String output, boolean toleranceMet, long atMs) {
        return new Activity("probe", name, "succeeded", output, atMs, atMs, toleranceMet);
    }
}
