package io.recallbricks.chaos.experiment.verdict;

/** A breaker changing state between two samples (stamped with the first sample showing the new state). */
public record Transition(long tMs, String breaker, String from, String to) {
}
