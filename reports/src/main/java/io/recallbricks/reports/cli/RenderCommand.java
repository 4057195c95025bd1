package io.recallbricks.reports.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** Re-renders and re-gates a run from its saved results, without running any load. */
@Command(name = "render", mixinStandardHelpOptions = true,
        description = "Judge a run folder and write <runDir>/report/ (HTML, Markdown, JSON, junit.xml).")
final class RenderCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(index = "0", paramLabel = "RUN_DIR", description = "The run's results folder.")
    Path runDir;

    @CommandLine.Mixin
    GateOptions gate;

    @Override
    public Integer call() {
        return gate.renderAndGate(runDir, gate.loadCriteria(), spec.commandLine().getOut());
    }
}
