package io.recallbricks.reports;

import io.recallbricks.reports.evaluation.Evaluation;
import io.recallbricks.reports.render.ConsoleTable;
import io.recallbricks.reports.render.ReportContent;

import java.nio.file.Path;
import java.util.List;

/** The outcome of {@link SlaReport#render}: the judged run, the files written, and the gate's exit code. */
public record RenderedReport(ReportContent content, Path reportDir, List<Path> files) {

    public RenderedReport {
        files = List.copyOf(files);
    }

    public Evaluation evaluation() {
        return content.evaluation();
    }

    /** 0 when every criterion is met, 1 otherwise. */
    public int exitCode() {
        return content.evaluation().exitCode();
    }

    /** The table the console prints at the end. */
    public String consoleTable() {
        return ConsoleTable.render(content);
    }
}
