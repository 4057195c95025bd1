package io.recallbricks.reports.render;

import io.recallbricks.reports.compare.Comparison;
import io.recallbricks.reports.evaluation.Evaluation;

import java.util.Optional;

/**
 * What every renderer shows: the evaluation, and the comparison with the previous run when there is one
 * ({@code comparisonNote} says why there is none, or which run it is).
 */
public record ReportContent(Evaluation evaluation, Optional<Comparison> comparison, String comparisonNote) {
}
