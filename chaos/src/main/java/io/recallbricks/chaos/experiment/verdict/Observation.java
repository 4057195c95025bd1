package io.recallbricks.chaos.experiment.verdict;

import io.recallbricks.chaos.experiment.Dependency;
import io.recallbricks.chaos.experiment.ledger.WriteVerification;
import io.recallbricks.chaos.experiment.load.ResponseRecord;
import io.recallbricks.chaos.experiment.observe.ServiceSample;

import java.util.List;

/**
 * Everything one experiment recorded, the input of {@link Verdicts}: the phase boundaries (epoch ms), every response,
 * every sample of the service, the write verification and, for embedding faults, the backfill.
 *
 * @param backfill null for database faults
 */
public record Observation(Dependency dependency, long steadyStartMs, long injectedAtMs, long removedAtMs, long endMs,
                          double rps, List<ResponseRecord> responses, List<ServiceSample> samples,
                          WriteVerification writes, Backfill backfill, boolean processAlive) {

    public Observation {
        responses = List.copyOf(responses);
        samples = List.copyOf(samples);
    }

    public List<ResponseRecord> between(long fromMs, long toMs) {
        return responses.stream().filter(r -> r.startMs() >= fromMs && r.startMs() < toMs).toList();
    }
}
