package io.recallbricks.reports.render;

import io.recallbricks.reports.Format;
import io.recallbricks.reports.compare.Comparison;
import io.recallbricks.reports.evaluation.CriterionResult;
import io.recallbricks.reports.evaluation.EndpointPhaseStats;
import io.recallbricks.reports.evaluation.Evaluation;
import io.recallbricks.reports.topology.TopologySection;
import io.recallbricks.reports.run.PhaseLatency;
import io.recallbricks.reports.run.RunInfo;

/** sla-report.md: the deployment guide's table with Measured and Pass columns, sized for a PR comment. */
public final class MarkdownReport {
    /** Endpoint regressions listed in a PR comment; the HTML report has them all. */
    private static final int LISTED = 10;

    private MarkdownReport() {
    }

    public static String render(ReportContent content) {
        Evaluation e = content.evaluation();
        RunInfo info = e.run().info();
        StringBuilder md = new StringBuilder();
        md.append("## SLA report: ").append(e.verdict()).append("\n\n");
        md.append("Run `").append(nz(info.runId())).append("`, profile `").append(nz(info.profile()))
                .append("`, criteria version ").append(e.criteria().version()).append(".\n\n");

        md.append("| Metric | Target | Measured | Pass |\n|--------|--------|----------|------|\n");
        for (CriterionResult r : e.results()) {
            md.append("| **").append(cell(r.criterion().title())).append("** | ").append(cell(r.criterion().describeTarget()))
                    .append(" | ").append(cell(r.measuredText())).append(r.phase() == null ? "" : " (" + cell(r.phase()) + ")")
                    .append(" | ").append(mark(r)).append(" |\n");
        }
        if (!e.failures().isEmpty()) {
            md.append("\nWhy it failed:\n\n");
            for (CriterionResult r : e.failures()) {
                md.append("- **").append(r.criterion().title()).append("**: ").append(r.note()).append('\n');
            }
        }

        md.append("\n<details><summary>p95 / p99 per endpoint and phase (ms)</summary>\n\n");
        md.append("| Phase | Endpoint | Requests | KO | p95 | p99 |\n|---|---|---:|---:|---:|---:|\n");
        for (EndpointPhaseStats s : e.endpointStats()) {
            String endpoint = s.endpoint().equals(PhaseLatency.ALL) ? "**all**" : s.endpoint();
            md.append("| ").append(s.phase()).append(" | ").append(endpoint).append(" | ").append(s.count())
                    .append(" | ").append(s.ko() == null ? "n/a" : s.ko()).append(" | ")
                    .append(Format.number(s.p95(), 1)).append(" | ").append(Format.number(s.p99(), 1)).append(" |\n");
        }
        md.append("\n</details>\n");

        resilience(md, e);
        microbenchmarks(md, e);
        md.append("\n").append(comparison(content));
        md.append(TopologySection.markdown(e.run().dir()));
        return md.toString();
    }

    /** One line per chaos experiment: verdict, MTTR against its bound, writes lost; or why there are none. */
    private static void resilience(StringBuilder md, Evaluation e) {
        md.append("\n### Resilience\n\n");
        if (e.run().experiments().isEmpty()) {
            String leftOut = e.run().info().chaosLeftOut();
            md.append(leftOut == null ? ":x: No chaos journals: the experiments did not run.\n"
                    : ":warning: Left out on purpose (" + leftOut + "): this verdict says nothing about resilience.\n");
            return;
        }
        md.append("| Experiment | Verdict | MTTR | Writes lost |\n|---|---|---:|---:|\n");
        for (io.recallbricks.reports.chaos.Experiment x : e.run().experiments().get()) {
            md.append("| ").append(cell(x.title())).append(" | ").append(x.passed() ? ":white_check_mark: passed" : ":x: failed")
                    .append(" | ").append(x.mttrSeconds() == null ? "n/a" : Format.number(x.mttrSeconds(), 1) + " s"
                            + (x.mttrBoundSeconds() == null ? "" : " of " + Format.number(x.mttrBoundSeconds(), 0) + " s"))
                    .append(" | ").append(x.writes() == null ? "n/a" : String.valueOf(x.writes().lost())).append(" |\n");
        }
    }

    /** The microbenchmarks with their ratio and whether the JMH gate gates them or only reports them. */
    private static void microbenchmarks(StringBuilder md, Evaluation e) {
        if (e.run().microbenchmarks().isEmpty()) {
            return;
        }
        md.append("\n<details><summary>Microbenchmarks (JMH)</summary>\n\n| Benchmark | Score | Ratio | Gate |\n|---|---:|---:|---|\n");
        for (io.recallbricks.reports.jmh.BenchmarkRow r : e.run().microbenchmarks().get()) {
            md.append("| ").append(cell(r.benchmark().label())).append(" | ").append(Format.number(r.benchmark().score(), 3))
                    .append(' ').append(r.benchmark().unit()).append(" | ")
                    .append(r.ratio() == null ? "" : Format.number(r.ratio(), 2)).append(" | ")
                    .append(r.gate() == null ? "" : cell(r.gate().text())).append(" |\n");
        }
        md.append("\n</details>\n");
    }

    private static String comparison(ReportContent content) {
        if (content.comparison().isEmpty()) {
            return "_" + content.comparisonNote() + "_\n";
        }
        Comparison c = content.comparison().get();
        StringBuilder md = new StringBuilder("### Compared with `" + nz(c.previousRunId()) + "`\n\n");
        md.append(c.hasRegressions() ? "Regressions beyond " + Format.number(c.tolerancePercent(), 0)
                + "% are flagged :warning:.\n\n" : "No regression beyond the tolerance.\n\n");
        md.append("| Metric | Previous | Now | Delta | |\n|---|---:|---:|---:|---|\n");
        for (Comparison.CriterionDelta d : c.criteria()) {
            md.append("| ").append(cell(d.title())).append(" | ").append(Format.value(d.previous(), d.unit()))
                    .append(" | ").append(Format.value(d.current(), d.unit())).append(" | ")
                    .append(d.delta() == null ? "" : Format.delta(d.delta(), d.unit())).append(" | ")
                    .append(d.regression() ? ":warning: regression" : "").append(" |\n");
        }
        long flagged = c.endpoints().stream().filter(Comparison.EndpointDelta::regression).count();
        if (flagged > 0) {
            md.append("\nEndpoint p95 regressions").append(flagged > LISTED ? " (the " + LISTED + " largest of " + flagged + ")" : "")
                    .append(":\n\n");
            c.endpoints().stream().filter(Comparison.EndpointDelta::regression)
                    .sorted((a, b) -> Double.compare(b.delta(), a.delta())).limit(LISTED).forEach(d -> md.append("- ")
                    .append(d.phase()).append(" / ").append(d.endpoint()).append(": ")
                    .append(Format.value(d.previousP95(), "ms")).append(" -> ").append(Format.value(d.currentP95(), "ms"))
                    .append('\n'));
        }
        return md.toString();
    }

    private static String mark(CriterionResult r) {
        return switch (r.status()) {
            case PASS -> ":white_check_mark: PASS";
            case FAIL -> ":x: FAIL";
            case NOT_MEASURED -> r.criterion().optional() ? "SKIPPED (no data)" : ":x: NOT MEASURED";
            case LEFT_OUT -> ":warning: LEFT OUT";
        };
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String nz(String s) {
        return s == null ? "?" : s;
    }

}
