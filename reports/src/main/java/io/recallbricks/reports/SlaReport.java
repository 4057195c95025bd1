package io.recallbricks.reports;

import io.recallbricks.reports.compare.Comparison;
import io.recallbricks.reports.compare.PreviousRun;
import io.recallbricks.reports.compare.RunComparison;
import io.recallbricks.reports.criteria.Criteria;
import io.recallbricks.reports.evaluation.Evaluation;
import io.recallbricks.reports.evaluation.Evaluator;
import io.recallbricks.reports.render.HtmlReport;
import io.recallbricks.reports.render.JsonReport;
import io.recallbricks.reports.render.JunitReport;
import io.recallbricks.reports.render.MarkdownReport;
import io.recallbricks.reports.render.ReportContent;
import io.recallbricks.reports.run.RunFolder;
import io.recallbricks.reports.run.RunReadException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Java API of the report and gate, for the suite runner to call in-process (the CLI calls the same).
 *
 * <pre>{@code
 * RenderedReport report = SlaReport.render(runDir, Criteria.defaults(), null);
 * System.out.print(report.consoleTable());
 * System.exit(report.exitCode());
 * }</pre>
 *
 * Unreadable inputs raise {@link RunReadException} (or {@code CriteriaException} from {@link Criteria#load});
 * both carry a one-line message meant for the user, and map to exit code 2.
 */
public final class SlaReport {

    public static final String HTML = "sla-report.html";
    public static final String MARKDOWN = "sla-report.md";
    public static final String JSON = "sla-report.json";
    public static final String JUNIT = "junit.xml";

    private SlaReport() {
    }

    /** Reads the run folder and judges it; writes nothing. */
    public static Evaluation evaluate(Path runDir, Criteria criteria) {
        return Evaluator.evaluate(RunFolder.read(runDir), criteria);
    }

    /**
     * Judges the run, compares it with the previous run of its profile, and writes {@code <runDir>/report/}.
     *
     * @param previousRunDir the run to compare with; null to find the newest older run of the same profile beside
     *                       {@code runDir}. An explicit one that cannot be read is an error; a found one is skipped.
     */
    public static RenderedReport render(Path runDir, Criteria criteria, Path previousRunDir) {
        Evaluation evaluation = evaluate(runDir, criteria);
        ReportContent content = compare(runDir, evaluation, previousRunDir);
        Path reportDir = runDir.resolve(RunFolder.REPORT_DIR);
        Map<String, String> outputs = new LinkedHashMap<>();
        outputs.put(HTML, HtmlReport.render(content));
        outputs.put(MARKDOWN, MarkdownReport.render(content));
        outputs.put(JSON, JsonReport.render(content));
        outputs.put(JUNIT, JunitReport.render(evaluation));
        List<Path> written = new ArrayList<>();
        try {
            Files.createDirectories(reportDir);
            for (Map.Entry<String, String> o : outputs.entrySet()) {
                written.add(Files.writeString(reportDir.resolve(o.getKey()), o.getValue(), StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new RunReadException("cannot write the report into " + reportDir + ": " + e.getMessage(), e);
        }
        return new RenderedReport(content, reportDir, written);
    }

    private static ReportContent compare(Path runDir, Evaluation evaluation, Path explicitPrevious) {
        Optional<Path> previous = explicitPrevious != null ? Optional.of(explicitPrevious)
                : PreviousRun.locate(runDir, evaluation.run().info());
        if (previous.isEmpty()) {
            return new ReportContent(evaluation, Optional.empty(),
                    "No earlier run of profile '" + evaluation.run().info().profile() + "' beside this one to compare with.");
        }
        try {
            Evaluation before = evaluate(previous.get(), evaluation.criteria());
            Comparison comparison = RunComparison.compare(evaluation, before);
            return new ReportContent(evaluation, Optional.of(comparison), "Compared with " + previous.get().getFileName());
        } catch (RunReadException e) {
            if (explicitPrevious != null) {
                throw new RunReadException("previous run " + explicitPrevious + ": " + e.getMessage(), e);
            }
            return new ReportContent(evaluation, Optional.empty(),
                    "The previous run " + previous.get().getFileName() + " could not be read: " + e.getMessage());
        }
    }
}
