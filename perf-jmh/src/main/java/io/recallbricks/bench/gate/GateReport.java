package io.recallbricks.bench.gate;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The gate's verdict on one JMH run against a baseline: every benchmark's absolute score (reported, never gated),
 * its ratio to its in-run reference, the baseline ratio, and the verdict per ratio.
 */
public final class GateReport {

    public enum Verdict {
        /** Within tolerance of the baseline. */
        OK,
        /** Slower than the baseline ratio by more than the tolerance: fails the gate. */
        REGRESSION,
        /** Faster than the baseline ratio by more than the tolerance: passes; update the baseline if it is real. */
        FASTER,
        /** A ratio the baseline does not have yet: passes; add it with the update command. */
        NEW,
        /** A baseline ratio this run did not produce (benchmark gone, renamed or failed): fails the gate. */
        MISSING,
        /** No in-run reference: absolute score reported, not gated. */
        REPORTED,
        /**
         * Its tolerance is above {@link #MAX_GATING_TOLERANCE}: its run-to-run spread is too wide for a gate to mean
         * anything, so its ratio and change are reported and never fail the gate.
         */
        REPORT_ONLY
    }

    /** A benchmark gates only when its tolerance is at most this many percent (issue #12). */
    public static final double MAX_GATING_TOLERANCE = 25.0;

    /**
     * @param ratio     the gated ratio (best iterations of CPU time per operation), see {@link InRunReferences}
     * @param meanRatio the ratio of JMH's mean scores, as the report shows it
     */
    public record Line(String key, JmhResult result, Double ratio, Double meanRatio, Double baselineRatio, Verdict verdict) {
    }

    private final List<Line> lines;
    private final Baseline baseline;

    private GateReport(List<Line> lines, Baseline baseline) {
        this.lines = List.copyOf(lines);
        this.baseline = baseline;
    }

    public static GateReport judge(List<JmhResult> results, Baseline baseline) {
        List<Line> lines = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (InRunReferences.Paired paired : InRunReferences.pair(results)) {
            String key = paired.result().key();
            seen.add(key);
            Double expected = baseline.ratios().get(key);
            Verdict verdict;
            if (!paired.hasRatio()) {
                verdict = Verdict.REPORTED;
            } else if (expected == null) {
                verdict = Verdict.NEW;
            } else if (baseline.tolerance(key) > MAX_GATING_TOLERANCE) {
                verdict = Verdict.REPORT_ONLY;
            } else if (baseline.regressed(key, paired.gatedRatio())) {
                verdict = Verdict.REGRESSION;
            } else if (baseline.improved(key, paired.gatedRatio())) {
                verdict = Verdict.FASTER;
            } else {
                verdict = Verdict.OK;
            }
            lines.add(new Line(key, paired.result(), paired.gatedRatio(), paired.meanRatio(), expected, verdict));
        }
        baseline.ratios().keySet().stream().filter(key -> !seen.contains(key)).sorted()
                .forEach(key -> lines.add(new Line(key, null, null, null, baseline.ratios().get(key), Verdict.MISSING)));
        return new GateReport(lines, baseline);
    }

    public List<Line> lines() {
        return lines;
    }

    public boolean passed() {
        return lines.stream().noneMatch(l -> l.verdict() == Verdict.REGRESSION || l.verdict() == Verdict.MISSING);
    }

    public String table() {
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-58s %16s %11s %16s %10s %11s %8s %8s %9s  %s%n", "Benchmark", "Score (mean)",
                "± error", "Best iteration", "Mean ratio", "Gated ratio", "Baseline", "Change", "Tolerance", "Verdict"));
        for (Line line : lines) {
            JmhResult r = line.result();
            String name = r != null ? r.shortKey() : shorten(line.key());
            String score = r != null ? String.format(Locale.ROOT, "%.3f %s", r.score(), r.unit()) : "-";
            String error = r != null && !Double.isNaN(r.error()) ? String.format(Locale.ROOT, "%.3f", r.error()) : "-";
            String best = r == null ? "-" : r.cpuBest() != null ? String.format(Locale.ROOT, "%.1f ns cpu", r.cpuBest())
                    : String.format(Locale.ROOT, "%.3f", r.best());
            String ratio = line.ratio() != null ? String.format(Locale.ROOT, "%.3f", line.ratio()) : "-";
            String meanRatio = line.meanRatio() != null ? String.format(Locale.ROOT, "%.3f", line.meanRatio()) : "-";
            String base = line.baselineRatio() != null ? String.format(Locale.ROOT, "%.3f", line.baselineRatio()) : "-";
            String change = line.ratio() != null && line.baselineRatio() != null
                    ? String.format(Locale.ROOT, "%+.1f%%", (line.ratio() / line.baselineRatio() - 1) * 100) : "-";
            String tolerance = line.baselineRatio() != null
                    ? String.format(Locale.ROOT, "+%.0f%%", baseline.tolerance(line.key())) : "-";
            out.append(String.format(Locale.ROOT, "%-58s %16s %11s %16s %10s %11s %8s %8s %9s  %s%n", name, score, error, best,
                    meanRatio, ratio, base, change, tolerance, line.verdict()));
        }
        long regressions = lines.stream().filter(l -> l.verdict() == Verdict.REGRESSION).count();
        long missing = lines.stream().filter(l -> l.verdict() == Verdict.MISSING).count();
        long reportOnly = lines.stream().filter(l -> l.verdict() == Verdict.REPORT_ONLY).count();
        if (reportOnly > 0) {
            out.append(String.format(Locale.ROOT, "REPORT_ONLY: %d benchmark(s) whose tolerance exceeds +%.0f%% (too noisy to "
                    + "gate): shown, never gated%n", reportOnly, MAX_GATING_TOLERANCE));
        }
        out.append(String.format(Locale.ROOT, "JMH ratio gate (%s baseline; CPU-time ratios to in-run references; absolute scores not gated): %s",
                baseline.profile(), passed() ? "PASSED" : "FAILED"));
        if (!passed()) {
            out.append(String.format(Locale.ROOT, " (%d regression(s), %d missing)", regressions, missing));
        }
        return out.append('\n').toString();
    }

    /**
     * The verdicts as the SLA report reads them ({@code jmh/gate.json}): per benchmark its verdict, tolerance and
     * change against the baseline, so the report can say which benchmarks gate and which are report-only.
     */
    public java.util.Map<String, Object> toJson() {
        java.util.Map<String, Object> benchmarks = new java.util.LinkedHashMap<>();
        for (Line line : lines) {
            java.util.Map<String, Object> b = new java.util.LinkedHashMap<>();
            b.put("verdict", line.verdict().name());
            if (line.baselineRatio() != null) {
                b.put("tolerancePercent", baseline.tolerance(line.key()));
                b.put("gated", line.verdict() != Verdict.REPORT_ONLY && line.verdict() != Verdict.REPORTED);
            }
            if (line.ratio() != null && line.baselineRatio() != null) {
                b.put("changePercent", Math.round((line.ratio() / line.baselineRatio() - 1) * 1000) / 10.0);
            }
            benchmarks.put(line.key(), b);
        }
        java.util.Map<String, Object> json = new java.util.LinkedHashMap<>();
        json.put("profile", baseline.profile());
        json.put("maxGatingTolerancePercent", MAX_GATING_TOLERANCE);
        json.put("passed", passed());
        json.put("benchmarks", benchmarks);
        return json;
    }

    private static String shorten(String key) {
        int bracket = key.indexOf('[');
        String name = bracket < 0 ? key : key.substring(0, bracket);
        int method = name.lastIndexOf('.');
        int cls = method < 0 ? -1 : name.lastIndexOf('.', method - 1);
        return cls < 0 ? key : key.substring(cls + 1);
    }
}
