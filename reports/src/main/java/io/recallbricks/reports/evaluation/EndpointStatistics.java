package io.recallbricks.reports.evaluation;

import io.recallbricks.reports.run.EndpointOutcome;
import io.recallbricks.reports.run.PhaseLatency;
import io.recallbricks.reports.run.PhaseResults;
import io.recallbricks.reports.run.RunResults;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The per-endpoint, per-phase latency table of the reports (and of the comparison with the previous run). */
final class EndpointStatistics {
    private EndpointStatistics() {
    }

    static List<EndpointPhaseStats> of(RunResults run) {
        List<EndpointPhaseStats> rows = new ArrayList<>();
        for (PhaseResults phase : run.phases().values()) {
            if (phase.latency().isEmpty()) {
                continue;
            }
            PhaseLatency latency = phase.latency().get();
            double seconds = phase.rateSeconds().orElseThrow();
            Map<String, Histogram> histograms = new TreeMap<>(latency.byEndpoint());
            Map<String, EndpointOutcome> outcomes = phase.outcomes().orElse(null);
            for (Map.Entry<String, Histogram> e : histograms.entrySet()) {
                rows.add(row(phase.name(), e.getKey(), e.getValue(), seconds,
                        outcomes == null ? null : outcomes.getOrDefault(e.getKey(), EndpointOutcome.NONE)));
            }
            rows.add(row(phase.name(), PhaseLatency.ALL, latency.allRequests(), seconds,
                    phase.totalOutcome().orElse(null)));
        }
        return rows;
    }

    private static EndpointPhaseStats row(String phase, String endpoint, Histogram h, double seconds,
                                          EndpointOutcome outcome) {
        return new EndpointPhaseStats(phase, endpoint, h.getTotalCount(),
                outcome == null ? null : outcome.ok(), outcome == null ? null : outcome.ko(),
                seconds > 0 ? h.getTotalCount() / seconds : 0,
                PhaseLatency.percentileMs(h, 50), PhaseLatency.percentileMs(h, 90), PhaseLatency.percentileMs(h, 95),
                PhaseLatency.percentileMs(h, 99), h.getMaxValue() / 1000.0);
    }
}
