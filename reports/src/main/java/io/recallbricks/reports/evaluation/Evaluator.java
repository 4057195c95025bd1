package io.recallbricks.reports.evaluation;

import io.recallbricks.reports.Format;
import io.recallbricks.reports.chaos.Experiment;
import io.recallbricks.reports.criteria.Criteria;
import io.recallbricks.reports.criteria.Criterion;
import io.recallbricks.reports.criteria.Metric;
import io.recallbricks.reports.run.RunInfo;
import io.recallbricks.reports.run.RunResults;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Judges a run against criteria: every criterion per phase, the worst phase decides. */
public final class Evaluator {

    private Evaluator() {
    }

    public static Evaluation evaluate(RunResults run, Criteria criteria) {
        PhaseMeasurer measurer = new PhaseMeasurer(run);
        List<CriterionResult> results = new ArrayList<>();
        for (Criterion c : criteria.criteria()) {
            results.add(switch (c.metric()) {
                case RESILIENCE -> resilience(c, run);
                case BREAK_POINT -> breakPoint(c, run);
                default -> phaseScoped(c, run, measurer);
            });
        }
        List<CriterionResult> gated = results.stream().map(r -> requireOthers(r, results)).toList();
        return new Evaluation(run, criteria, gated, EndpointStatistics.of(run));
    }

    private static CriterionResult phaseScoped(Criterion c, RunResults run, PhaseMeasurer measurer) {
        List<String> phases = PhaseSelector.select(c, run);
        if (phases.isEmpty()) {
            return new CriterionResult(c, Status.NOT_MEASURED, null, null,
                    "no phase of run.json matches " + c.phases(), List.of());
        }
        List<PhaseValue> values = phases.stream().map(p -> measurer.measure(c, p)).toList();
        List<PhaseValue> missing = values.stream().filter(v -> !v.measured()).toList();
        if (!missing.isEmpty()) {
            return new CriterionResult(c, Status.NOT_MEASURED, null, null, missing.stream()
                    .map(v -> v.phase() + ": " + v.note()).collect(Collectors.joining("; ")), values);
        }
        List<String> bound = phases.stream().map(p -> run.info().phase(p)).flatMap(java.util.Optional::stream)
                .filter(RunInfo.Phase::injectorBound)
                .map(p -> p.name() + " (" + p.injector().why() + ")").toList();
        Comparator<PhaseValue> better = Comparator.comparingDouble(PhaseValue::value);
        PhaseValue worst = c.target().operator().lowerIsBetter()
                ? values.stream().max(better).orElseThrow()
                : values.stream().min(better).orElseThrow();
        Status status = c.isMetBy(worst.value()) ? Status.PASS : Status.FAIL;
        if (!bound.isEmpty()) {
            // The injector, not the service, set the pace: what was measured there can neither pass nor blame.
            return new CriterionResult(c, Status.FAIL, worst.value(), worst.phase(),
                    "injector-bound: " + String.join("; ", bound) + "; " + worst.note(), values);
        }
        return new CriterionResult(c, status, worst.value(), worst.phase(), worst.note(), values);
    }

    private static CriterionResult resilience(Criterion c, RunResults run) {
        if (run.experiments().isEmpty()) {
            String leftOut = run.info().chaosLeftOut();
            return new CriterionResult(c, leftOut == null ? Status.NOT_MEASURED : Status.LEFT_OUT, null, null,
                    leftOut == null ? "no chaos journals in chaos/" : "left out on purpose: " + leftOut, List.of());
        }
        List<Experiment> experiments = run.experiments().get();
        long passed = experiments.stream().filter(Experiment::passed).count();
        double share = 100.0 * passed / experiments.size();
        String failed = experiments.stream().filter(e -> !e.passed()).map(Experiment::title)
                .collect(Collectors.joining(", "));
        String note = passed + " of " + experiments.size() + " passed" + (failed.isEmpty() ? "" : "; failed: " + failed);
        return new CriterionResult(c, c.isMetBy(share) ? Status.PASS : Status.FAIL, share, null, note, List.of());
    }

    /**
     * The stress run's break point from run.json: the highest offered rate that held, with the good rate measured
     * there and the resource that ran out. Not measured without a stress run, or when no step held.
     */
    private static CriterionResult breakPoint(Criterion c, RunResults run) {
        RunInfo.Stress stress = run.info().stress();
        if (stress == null || stress.steps().isEmpty()) {
            return new CriterionResult(c, Status.NOT_MEASURED, null, null, "the run has no stress steps", List.of());
        }
        if (stress.breakPointRps() == null) {
            return new CriterionResult(c, Status.FAIL, 0.0, null, "no stress step held (the first offered "
                    + Format.number(stress.steps().get(0).intendedRps(), 0) + " rps)", List.of());
        }
        StringBuilder note = new StringBuilder("highest offered rate that held");
        if (stress.breakPointGoodRps() != null) {
            note.append(", good rate there ").append(Format.number(stress.breakPointGoodRps(), 1)).append(" rps");
        }
        if (stress.resolutionPercent() != null) {
            note.append(", resolution ").append(Format.number(stress.resolutionPercent(), 1)).append(" %");
        }
        if (stress.limitedBy() != null) {
            note.append("; ran out: ").append(stress.limitedBy());
        }
        double v = stress.breakPointRps();
        return new CriterionResult(c, c.isMetBy(v) ? Status.PASS : Status.FAIL, v, null, note.toString(), List.of());
    }

    /**
     * A throughput criterion with {@code requireOtherCriteria} fails when, in its phase, another criterion
     * judging that phase fails or is not measured: a rate reached by failing the SLA is not sustained.
     */
    private static CriterionResult requireOthers(CriterionResult r, List<CriterionResult> all) {
        Criterion c = r.criterion();
        if (c.metric() != Metric.THROUGHPUT || !c.requireOtherCriteria() || r.status() != Status.PASS) {
            return r;
        }
        List<String> broken = new ArrayList<>();
        for (PhaseValue mine : r.perPhase()) {
            for (CriterionResult other : all) {
                if (other.criterion().metric() == Metric.THROUGHPUT) {
                    continue;
                }
                for (PhaseValue v : other.perPhase()) {
                    boolean samePhase = v.phase().equals(mine.phase());
                    if (samePhase && (v.measured() ? !other.criterion().isMetBy(v.value()) : !other.criterion().optional())) {
                        broken.add(other.criterion().id() + " in " + v.phase()
                                + (v.measured() ? " (" + Format.value(v.value(), other.criterion().unit()) + ")" : " (not measured)"));
                    }
                }
            }
        }
        if (broken.isEmpty()) {
            return r;
        }
        return new CriterionResult(c, Status.FAIL, r.measured(), r.phase(),
                "rate reached but not within the other criteria: " + String.join(", ", broken), r.perPhase());
    }
}
