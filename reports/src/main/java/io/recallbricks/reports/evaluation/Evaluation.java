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

    /** Criteria left out on purpose (the chaos experiments, by an explicit option): the verdict names them. */
    public List<CriterionResult> leftOut() {
        return results.stream().filter(r -> r.status() == Status.LEFT_OUT).toList();
    }

    /** Judged phases in which the injector fell behind its schedule: the run cannot pass on them. */
    public List<String> injectorBoundPhases() {
        return run.info().phases().stream().filter(p -> p.judged() && p.injectorBound())
                .map(p -> p.name() + ": " + p.injector().why()).toList();
    }

    /** "PASSED", "PASSED without resilience" (something left out on purpose), or "FAILED". */
    public String verdict() {
        if (!passed()) {
            return "FAILED";
        }
        return leftOut().isEmpty() ? "PASSED" : "PASSED without " + leftOut().stream()
                .map(r -> r.criterion().metric() == io.recallbricks.reports.criteria.Metric.RESILIENCE ? "resilience"
                        : r.criterion().id()).distinct().collect(java.util.stream.Collectors.joining(", "));
    }

    public int exitCode() {
        return passed() ? EXIT_PASSED : EXIT_FAILED;
    }

    public List<CriterionResult> failures() {
        return results.stream().filter(CriterionResult::failsGate).toList();
    }
}
