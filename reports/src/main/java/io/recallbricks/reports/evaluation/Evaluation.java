package io.recallbricks.reports.evaluation;

import io.recallbricks.reports.criteria.Criteria;
import io.recallbricks.reports.run.RunResults;

import java.util.List;

/** A run judged against a set of criteria: the release gate's verdict and its reasons. */
public record Evaluation(RunResults run, Criteria criteria, List<CriterionResult> results,
                         List<EndpointPhaseStats> endpointStats) {

    public static final int EXIT_PASSED = 0;
    public static final int EXIT_FAILED = 1;
    public static final int EXIT_UNREADABLE = 2;

    public Evaluation {
        results = List.copyOf(results);
        endpointStats = List.copyOf(endpointStats);
    }

    /** True when every criterion is met (optional ones may be unmeasured). */
    public boolean passed() {
        return results.stream().noneMatch(CriterionResult::failsGate);
    }

    public int exitCode() {
        return passed() ? EXIT_PASSED : EXIT_FAILED;
    }

    public List<CriterionResult> failures() {
        return results.stream().filter(CriterionResult::failsGate).toList();
    }
}
