package io.recallbricks.chaos.experiment.verdict;

/** One verified property of an experiment: its name, whether it held, and the measured values that say so. */
public record Check(String name, boolean passed, String detail) {

    public static Check of(String name, boolean passed, String detail) {
        return new Check(name, passed, detail);
    }
}
