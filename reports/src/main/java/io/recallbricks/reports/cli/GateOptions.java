package io.recallbricks.reports.cli;

import io.recallbricks.reports.RenderedReport;
import io.recallbricks.reports.SlaReport;
import io.recallbricks.reports.criteria.Criteria;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;

/** Options shared by the commands that judge a run: which criteria, which previous run. */
final class GateOptions {

    @Option(names = "--criteria", paramLabel = "FILE",
            description = "Success-criteria file (YAML); default: the built-in deployment-guide table.")
    Path criteria;

    @Option(names = "--previous", paramLabel = "RUN_DIR",
            description = "Run to compare with; default: the newest older run of the same profile beside it.")
    Path previous;

    /** The criteria to judge by; a bad file fails here, before anything is written. */
    Criteria loadCriteria() {
        return criteria == null ? Criteria.defaults() : Criteria.load(criteria);
    }

    /** Renders the report into {@code runDir/report}, prints the table, returns the gate's exit code. */
    int renderAndGate(Path runDir, Criteria c, PrintWriter out) {
        RenderedReport report = SlaReport.render(runDir, c, previous);
        out.print(report.consoleTable());
        out.println("Report: " + report.reportDir().resolve(SlaReport.HTML));
        out.flush();
        return report.exitCode();
    }
}
