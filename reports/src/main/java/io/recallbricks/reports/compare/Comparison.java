package io.recallbricks.reports.compare;

import java.nio.file.Path;
import java.util.List;

/**
 * This run against the previous run of the same profile. Regressions are flagged, not gated: the gate is the
 * criteria; a regression inside the criteria is a warning to look at.
 *
 * @param previousDir the previous run's folder
 */
public record Comparison(Path previousDir, String previousRunId, double tolerancePercent,
                         List<CriterionDelta> criteria, List<EndpointDelta> endpoints) {

    public Comparison {
        criteria = List.copyOf(criteria);
        endpoints = List.copyOf(endpoints);
    }

    public boolean hasRegressions() {
        return criteria.stream().anyMatch(CriterionDelta::regression) || endpoints.stream().anyMatch(EndpointDelta::regression);
    }

    /** A criterion's measured value then and now; values are null where not measured. */
    public record CriterionDelta(String id, String title, String unit, Double previous, Double current,
                                 String previousVerdict, String currentVerdict, boolean regression) {
        public Double delta() {
            return previous == null || current == null ? null : current - previous;
        }
    }

    /** An endpoint's p95 in one phase then and now, in ms. */
    public record EndpointDelta(String phase, String endpoint, double previousP95, double currentP95,
                                boolean regression) {
        public double delta() {
            return currentP95 - previousP95;
        }
    }
}
