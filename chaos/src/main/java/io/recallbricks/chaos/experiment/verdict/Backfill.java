package io.recallbricks.chaos.experiment.verdict;

/**
 * Memories acknowledged without an embedding while the embedding API failed, and whether they got one afterwards.
 *
 * @param secondsAfterRemoval when the last of them was seen embedded, from the fault's removal; null if not all were
 */
public record Backfill(long pending, long embedded, Double secondsAfterRemoval) {
}
