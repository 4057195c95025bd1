package io.recallbricks.embedding;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Embeds the memories that were stored while the embedding API was unavailable, and re-embeds those whose vector is
 * of another model than the current provider's (after EMBEDDING_PROVIDER or the model changed; until then those
 * memories are found by keywords only, since vectors of two models are never compared): a bounded batch per run, a
 * bounded number of attempts per memory with a doubling delay (from EMBEDDING_BACKFILL_RETRY_DELAY_SECONDS, capped at an hour), then it
 * gives up on that memory (it stays findable by keywords). Runs on every instance; claims keep them apart.
 *
 * <p>Metrics: {@code embedding.backfill{outcome=embedded|failed|gave_up}} and the gauges
 * {@code embedding.backfill.pending} / {@code embedding.backfill.abandoned} / {@code embedding.backfill.stale}.
 */
@Singleton
public class EmbeddingBackfill {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingBackfill.class);
    private static final long MAX_DELAY_SECONDS = 3600;

    private final Embedder embedder;
    private final EmbeddingBackfillRepository repository;
    private final EmbeddingSettings settings;
    private final Counter embedded;
    private final Counter failed;
    private final Counter gaveUp;
    private final AtomicLong pending = new AtomicLong();
    private final AtomicLong abandoned = new AtomicLong();
    private final AtomicLong stale = new AtomicLong();

    public EmbeddingBackfill(Embedder embedder, EmbeddingBackfillRepository repository, EmbeddingSettings settings,
                             MeterRegistry meters) {
        this.embedder = embedder;
        this.repository = repository;
        this.settings = settings;
        this.embedded = outcome(meters, "embedded");
        this.failed = outcome(meters, "failed");
        this.gaveUp = outcome(meters, "gave_up");
        Gauge.builder("embedding.backfill.pending", pending, AtomicLong::get)
                .description("Memories waiting for an embedding").register(meters);
        Gauge.builder("embedding.backfill.abandoned", abandoned, AtomicLong::get)
                .description("Memories whose embedding attempts are exhausted").register(meters);
        Gauge.builder("embedding.backfill.stale", stale, AtomicLong::get)
                .description("Memories whose vector is of another model than the current one, to be re-embedded").register(meters);
    }

    private static Counter outcome(MeterRegistry meters, String outcome) {
        return Counter.builder("embedding.backfill").tag("outcome", outcome)
                .description("Background embedding of stored memories, per memory").register(meters);
    }

    @Scheduled(fixedDelay = "${recallbricks.embeddings.backfill-interval}", initialDelay = "${recallbricks.embeddings.backfill-interval}")
    void scheduled() {
        if (!embedder.enabled()) {
            return;
        }
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.warn("Embedding backfill run failed: {}", e.toString());
        }
    }

    /** One bounded run; returns how many memories got their embedding. */
    public int runOnce() {
        List<EmbeddingBackfillRepository.Pending> batch = repository.claim(settings.backfillBatchSize(),
                settings.backfillMaxAttempts(), embedder.model(), embedder.dimensions());
        int done = batch.isEmpty() ? 0 : embed(batch);
        long[] backlog = repository.backlog(settings.backfillMaxAttempts());
        pending.set(backlog[0]);
        abandoned.set(backlog[1]);
        stale.set(repository.stale(embedder.model(), embedder.dimensions()));
        return done;
    }

    /**
     * Embeds and stores {@code batch}. A batch the provider refuses (4xx: one text it will not take) is split in
     * halves until the refused memory is alone, so one tenant's bad text costs only its own attempts, never the
     * other memories of the batch; any other failure (the API down, slow, rate limiting) counts for the whole batch.
     */
    private int embed(List<EmbeddingBackfillRepository.Pending> batch) {
        try {
            List<float[]> vectors = embedder.forBackground(batch.stream().map(EmbeddingBackfillRepository.Pending::text).toList());
            int done = 0;
            for (int i = 0; i < batch.size(); i++) {
                if (repository.store(batch.get(i).id(), batch.get(i).text(), Vectors.toBytes(vectors.get(i)),
                        embedder.model(), embedder.dimensions())) {
                    done++;
                }
            }
            embedded.increment(done);
            return done;
        } catch (EmbeddingUnavailableException e) {
            if (e.reason() == EmbeddingUnavailableException.Reason.REJECTED && batch.size() > 1) {
                int half = batch.size() / 2;
                return embed(batch.subList(0, half)) + embed(batch.subList(half, batch.size()));
            }
            failed(batch, e);
            return 0;
        }
    }

    private void failed(List<EmbeddingBackfillRepository.Pending> batch, EmbeddingUnavailableException e) {
        int attempts = batch.stream().mapToInt(EmbeddingBackfillRepository.Pending::attempts).max().orElse(0) + 1;
        long delay = Math.min(MAX_DELAY_SECONDS, (long) settings.backfillRetryDelaySeconds() << Math.min(attempts - 1, 20));
        repository.failed(batch.stream().map(EmbeddingBackfillRepository.Pending::id).toList(), e.getMessage(), delay,
                embedder.model(), embedder.dimensions());
        failed.increment(batch.size());
        long exhausted = batch.stream().filter(p -> p.attempts() + 1 >= settings.backfillMaxAttempts()).count();
        gaveUp.increment(exhausted);
        if (exhausted > 0) {
            LOG.warn("Gave up embedding {} memories after {} attempts: {}", exhausted,
                    settings.backfillMaxAttempts(), e.getMessage());
        }
    }
}
