package io.recallbricks.chaos.experiment.verdict;

import java.time.Duration;

/**
 * The limits an experiment is judged against, all derived from the service's configuration and the profile
 * (see {@code ServiceSettings} for each derivation).
 *
 * @param fastAnswer a refusal by an open breaker must be at least this fast (median), far below any timeout
 * @param backfill   null when the fault does not touch embeddings
 */
public record Bounds(Duration breakerOpen, Duration breakerClose, Duration latency, Duration fastAnswer,
                     Duration recovery, Duration stableWindow, Duration backfill, double maxErrorRatePercent) {
}
