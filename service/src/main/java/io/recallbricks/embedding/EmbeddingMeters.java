package io.recallbricks.embedding;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

/**
 * The embedding meters of the metrics contract ({@code embedding_requests_total{outcome}},
 * {@code embedding_request_duration_seconds}), built the same way whoever registers them first: the dashboard and
 * the alert rules query them whichever provider runs, so they exist (at zero) even with {@code none}.
 */
final class EmbeddingMeters {

    private EmbeddingMeters() {
    }

    static Timer duration(MeterRegistry meters) {
        return Timer.builder("embedding.request.duration")
                .description("Time of one HTTP request to the embedding API")
                .publishPercentileHistogram()
                .register(meters);
    }

    static Counter outcome(MeterRegistry meters, String outcome) {
        return Counter.builder("embedding.requests").description("Embedding API requests by outcome")
                .tag("outcome", outcome).register(meters);
    }

    /** Every meter of the contract, at zero until used. */
    static void register(MeterRegistry meters) {
        duration(meters);
        outcome(meters, "success");
        for (EmbeddingUnavailableException.Reason reason : EmbeddingUnavailableException.Reason.values()) {
            outcome(meters, reason.tag());
        }
    }
}
