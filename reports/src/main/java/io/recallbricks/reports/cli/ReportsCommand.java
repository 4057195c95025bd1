package io.recallbricks.reports.cli;

import io.recallbricks.reports.criteria.CriteriaException;
import io.recallbricks.reports.evaluation.Evaluation;
import io.recallbricks.reports.run.RunReadException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

import java.io.PrintWriter;

/**
 * {@code java -jar recallbricks-reports.jar render|merge ...}. Exit codes: 0 every criterion met, 1 a criterion
 * failed, 2 the inputs (run folder, criteria file, arguments) could not be read, with a one-line reason.
 */
@Command(name = "recallbricks-reports", mixinStandardHelpOptions = true, versionProvider = ReportsCommand.Version.class,
        description = "Judges a load-test run against the success criteria and writes the SLA report.",
        subcommands = {RenderCommand.class, MergeCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every criterion met", "1:a criterion failed or was not measured",
                "2:the inputs could not be read"})
public final class ReportsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the CLI without exiting the JVM; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new ReportsCommand());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExitCodeExceptionMapper(e -> Evaluation.EXIT_UNREADABLE);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof RunReadException || e instanceof CriteriaException) {
                commandLine.getErr().println("error: " + e.getMessage());
            } else {
                commandLine.getErr().println("error: unexpected failure: " + e);
                e.printStackTrace(commandLine.getErr());
            }
            return Evaluation.EXIT_UNREADABLE;
        });
        return cli.execute(args);
    }

    /** The version Maven wrote into the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = ReportsCommand.class.getPackage().getImplementationVersion();
            return new String[]{"recallbricks-reports " + (v == null ? "(development build)" : v)};
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command: render or merge");
    }
}
