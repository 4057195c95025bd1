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
        md.append("## SLA report: ").append(e.passed() ? "PASSED" : "FAILED").append("\n\n");
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

        md.append("\n").append(comparison(content));
        md.append(TopologySection.markdown(e.run().dir()));
        return md.toString();
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
        };
    }

    private static String cell(String text) {
        return text.replace("|", "\\|").replace("\n", " ");
    }

    private static String nz(String s) {
        return s == null ? "?" : s;
    }

}
