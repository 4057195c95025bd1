package io.recallbricks.bench.gate;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Pairs each benchmark result with its in-run reference and computes the ratio, by the rule the {@code reports}
 * module documents for its Microbenchmarks section (reports/README.md, "jmh/jmh-result.json"), so the gate and the
 * report always show the same ratio:
 * <ul>
 *   <li>in a class with exactly one benchmark (method or group) whose name starts with {@code reference}, that one
 *       is the reference of the class's other benchmarks;</li>
 *   <li>a reference result pairs when mode and unit agree and its parameters are a subset of the benchmark's
 *       (the most specific wins);</li>
 *   <li>ratio = cost relative to the reference: score / reference in time modes, reference / score in throughput
 *       mode; above 1 is slower than the reference.</li>
 * </ul>
 * Two ratios are computed by that rule: {@code meanRatio} from JMH's scores (wall-clock time; the one the report
 * shows) and {@code gatedRatio}, the one the gate holds: from each side's best iteration of CPU time per operation
 * when the run recorded it (profiler {@code ThreadCpuTimeProfiler}), else of wall-clock time. On a shared machine
 * the neighbours' load moves wall-clock time by several times between iterations, and not equally on both sides;
 * CPU time per operation barely moves, and interference never makes an iteration faster, so the best iterations of
 * both sides stay comparable (README, "What the gate compares").
 * This module declares no {@code references.yaml}: every reference here follows the naming convention.
 */
public final class InRunReferences {

    /** A benchmark with its reference, or without one ({@code reference} and both ratios null). */
    public record Paired(JmhResult result, JmhResult reference, Double meanRatio, Double gatedRatio) {
        public boolean hasRatio() {
            return gatedRatio != null;
        }
    }

    private InRunReferences() {
    }

    /** Every result that is not itself a reference, in input order. */
    public static List<Paired> pair(List<JmhResult> results) {
        List<Paired> paired = new ArrayList<>();
        for (JmhResult result : results) {
            if (isReference(result)) {
                continue;
            }
            Optional<JmhResult> reference = referenceName(result, results).flatMap(name -> matching(result, name, results));
            paired.add(new Paired(result, reference.orElse(null),
                    reference.map(r -> ratio(result, result.score(), r.score())).orElse(null),
                    reference.map(r -> gatedRatio(result, r)).orElse(null)));
        }
        return paired;
    }

    static boolean isReference(JmhResult result) {
        return result.method().startsWith("reference");
    }

    private static Optional<String> referenceName(JmhResult result, List<JmhResult> all) {
        List<String> candidates = all.stream()
                .filter(o -> o.className().equals(result.className()) && isReference(o))
                .map(JmhResult::benchmark).distinct().toList();
        return candidates.size() == 1 ? Optional.of(candidates.get(0)) : Optional.empty();
    }

    private static Optional<JmhResult> matching(JmhResult result, String referenceName, List<JmhResult> all) {
        return all.stream()
                .filter(r -> r.benchmark().equals(referenceName))
                .filter(r -> r.mode().equals(result.mode()) && r.unit().equals(result.unit()))
                .filter(r -> r.params().entrySet().stream().allMatch(e -> e.getValue().equals(result.params().get(e.getKey()))))
                .max(Comparator.comparingInt(r -> r.params().size()));
    }

    private static double gatedRatio(JmhResult result, JmhResult reference) {
        if (result.cpuBest() != null && reference.cpuBest() != null) {
            return result.cpuBest() / reference.cpuBest();
        }
        return ratio(result, result.best(), reference.best());
    }

    private static double ratio(JmhResult result, double score, double reference) {
        return result.isTimeMode() ? score / reference : reference / score;
    }
}
