package io.recallbricks.reports.jmh;

/**
 * A benchmark with its in-run reference, if it has one.
 *
 * @param ratio cost relative to the reference: score / reference score in time modes, reference / score in
 *              throughput mode; above 1 means slower than the reference. Null without a comparable reference.
 * @param gate  the perf-jmh ratio gate's verdict on it (jmh/gate.json), or null when the run has none
 */
public record BenchmarkRow(Microbenchmark benchmark, Microbenchmark reference, Double ratio, GateVerdict gate) {

    public BenchmarkRow(Microbenchmark benchmark, Microbenchmark reference, Double ratio) {
        this(benchmark, reference, ratio, null);
    }

    /**
     * @param verdict          OK, REGRESSION, FASTER, NEW, MISSING, REPORTED or REPORT_ONLY (tolerance too wide to gate)
     * @param tolerancePercent the benchmark's tolerance against its baseline ratio
     * @param changePercent    its gated ratio against the baseline ratio
     */
    public record GateVerdict(String verdict, Double tolerancePercent, Double changePercent, Boolean gated) {
        /** What a reader sees: "gated (+20 %): OK, +1.2 %" or "report-only (+125 %): +40.1 %". */
        public String text() {
            String tol = tolerancePercent == null ? "" : " (tolerance +" + Math.round(tolerancePercent) + " %)";
            String change = changePercent == null ? "" : String.format(java.util.Locale.ROOT, ", %+.1f %%", changePercent);
            return switch (verdict) {
                case "REPORT_ONLY" -> "report-only" + tol + change;
                case "REPORTED" -> "not gated (no reference)";
                default -> "gated" + tol + ": " + verdict + change;
            };
        }
    }
}
