package io.recallbricks.learning;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Runs the learning cycle for the users active since the previous run (at most {@link #MAX_USERS} per run, with
 * auto-apply, so analysis creates relationships), and prunes reads older than 30 days and the vector index's deletion log older than a day. Every instance runs it;
 * the cycle is idempotent (upserts, one relationship per pair), so overlapping runs only repeat work.
 */
@Singleton
public class LearningScheduler {

    private static final Logger LOG = LoggerFactory.getLogger(LearningScheduler.class);
    static final int MAX_USERS = 200;

    private final LearningRepository repository;
    private final LearningAnalyzer analyzer;
    private final io.recallbricks.retrieval.VectorIndex vectors;
    private Instant lastRun = Instant.now().minusSeconds(3600);

    public LearningScheduler(LearningRepository repository, LearningAnalyzer analyzer,
                             io.recallbricks.retrieval.VectorIndex vectors) {
        this.repository = repository;
        this.analyzer = analyzer;
        this.vectors = vectors;
    }

    /** Analyses the users active since {@code since} (bounded); returns them. */
    public List<UUID> analyzeActive(Instant since, boolean autoApply) {
        List<UUID> users = repository.activeUsers(since, MAX_USERS);
        for (UUID user : users) {
            analyzer.analyze(user, autoApply);
        }
        return users;
    }

    @Scheduled(fixedDelay = "${recallbricks.learning.analysis-interval}", initialDelay = "${recallbricks.learning.analysis-interval}")
    void run() {
        Instant started = Instant.now();
        try {
            List<UUID> users = analyzeActive(lastRun, true);
            int pruned = repository.pruneAccesses();
            vectors.pruneTombstones();
            LOG.info("Learning analysis: {} active users analysed, {} old reads pruned", users.size(), pruned);
            lastRun = started;
        } catch (RuntimeException e) {
            LOG.warn("Learning analysis failed: {}", e.toString());
        }
    }
}
