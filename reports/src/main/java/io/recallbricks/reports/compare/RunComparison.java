package io.recallbricks.reports.compare;

import io.recallbricks.reports.criteria.ComparisonSettings;
import io.recallbricks.reports.evaluation.CriterionResult;
import io.recallbricks.reports.evaluation.EndpointPhaseStats;
import io.recallbricks.reports.evaluation.Evaluation;
import io.recallbricks.reports.evaluation.Status;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Compares two evaluations made with the same criteria. A value regresses when it moves in its bad direction by
 * more than {@code tolerancePercent} of the previous value and by more than the unit's absolute floor; a criterion
 * that passed before and fails now regresses whatever the amount. Endpoint p95s are compared in judged phases only.
 */
public final class RunComparison {
    private RunComparison() {
    }

    public static Comparison compare(Evaluation current, Evaluation previous) {
        ComparisonSettings settings = current.criteria().comparison();
        List<Comparison.CriterionDelta> criteria = new ArrayList<>();
        for (CriterionResult now : current.results()) {
            Optional<CriterionResult> then = previous.results().stream()
                    .filter(r -> r.criterion().id().equals(now.criterion().id())).findFirst();
            Double before = then.map(CriterionResult::measured).orElse(null);
            boolean newlyFailing = then.map(t -> t.status() == Status.PASS).orElse(false) && now.status() == Status.FAIL;
            boolean worse = before != null && now.measured() != null
                    && isWorse(before, now.measured(), now.criterion().target().operator().lowerIsBetter(),
                    settings, now.criterion().unit());
            criteria.add(new Comparison.CriterionDelta(now.criterion().id(), now.criterion().title(),
                    now.criterion().unit(), before, now.measured(), then.map(CriterionResult::verdictText).orElse(null),
                    now.verdictText(), newlyFailing || worse));
        }
        List<Comparison.EndpointDelta> endpoints = new ArrayList<>();
        for (EndpointPhaseStats now : current.endpointStats()) {
            if (!isJudged(current, now.phase())) {
                continue; // a warm-up's latency is the JIT's, not the service's: not compared
            }
            previous.endpointStats().stream()
                    .filter(p -> p.phase().equals(now.phase()) && p.endpoint().equals(now.endpoint()))
                    .findFirst()
                    .ifPresent(then -> endpoints.add(new Comparison.EndpointDelta(now.phase(), now.endpoint(),
                            then.p95(), now.p95(), isWorse(then.p95(), now.p95(), true, settings, "ms"))));
        }
        return new Comparison(previous.run().dir(), previous.run().info().runId(), settings.tolerancePercent(),
                criteria, endpoints);
    }

    private static boolean isJudged(Evaluation e, String phase) {
        return e.run().info().phase(phase).map(p -> p.judged()).orElse(false);
    }

    static boolean isWorse(double before, double now, boolean lowerIsBetter, ComparisonSettings s, String unit) {
        double worsening = lowerIsBetter ? now - before : before - now;
        return worsening > Math.abs(before) * s.tolerancePercent() / 100 && worsening > s.floorFor(unit);
    }
}
