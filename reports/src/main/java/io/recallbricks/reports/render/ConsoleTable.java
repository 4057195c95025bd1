package io.recallbricks.reports.render;

import io.recallbricks.reports.compare.Comparison;
import io.recallbricks.reports.evaluation.CriterionResult;
import io.recallbricks.reports.evaluation.Evaluation;

import java.util.ArrayList;
import java.util.List;

/** The table the console prints at the end of a run: one line per criterion, then the verdict. */
public final class ConsoleTable {
    private ConsoleTable() {
    }

    public static String render(ReportContent content) {
        Evaluation e = content.evaluation();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[]{"Metric", "Target", "Measured", "Phase", "Result"});
        for (CriterionResult r : e.results()) {
            rows.add(new String[]{r.criterion().title(), r.criterion().describeTarget(), r.measuredText(),
                    r.phase() == null ? "" : r.phase(), r.verdictText()});
        }
        int[] width = new int[5];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                width[i] = Math.max(width[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        String rule = rule(width);
        out.append(rule);
        for (int i = 0; i < rows.size(); i++) {
            out.append(line(rows.get(i), width));
            if (i == 0) {
                out.append(rule);
            }
        }
        out.append(rule);
        for (CriterionResult r : e.failures()) {
            out.append("  ").append(r.verdictText()).append(' ').append(r.criterion().title()).append(": ")
                    .append(r.note()).append('\n');
        }
        content.comparison().filter(Comparison::hasRegressions).ifPresent(c -> out.append("  Regressions against ")
                .append(c.previousRunId()).append(" (see the report's comparison section)\n"));
        for (String bound : e.injectorBoundPhases()) {
            out.append("  INJECTOR-BOUND ").append(bound).append(" (the run cannot pass on this phase)\n");
        }
        for (CriterionResult r : e.leftOut()) {
            out.append("  LEFT OUT ").append(r.criterion().title()).append(": ").append(r.note()).append('\n');
        }
        out.append("SLA gate: ").append(e.verdict()).append(" (criteria version ")
                .append(e.criteria().version()).append(", exit ").append(e.exitCode()).append(")\n");
        return out.toString();
    }

    private static String rule(int[] width) {
        StringBuilder s = new StringBuilder("+");
        for (int w : width) {
            s.append("-".repeat(w + 2)).append('+');
        }
        return s.append('\n').toString();
    }

    private static String line(String[] row, int[] width) {
        StringBuilder s = new StringBuilder("|");
        for (int i = 0; i < row.length; i++) {
            s.append(' ').append(row[i]).append(" ".repeat(width[i] - row[i].length())).append(" |");
        }
        return s.append('\n').toString();
    }
}
