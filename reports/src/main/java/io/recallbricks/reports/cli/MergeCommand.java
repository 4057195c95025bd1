package io.recallbricks.reports.cli;

import io.recallbricks.reports.criteria.Criteria;
import io.recallbricks.reports.merge.RunMerger;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;

/** Merges several injectors' folders of one run into one, then renders and gates the merged run. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Merge the results folders of several injectors into --out, then render and gate it.")
final class MergeCommand implements Callable<Integer> {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Parameters(arity = "2..*", paramLabel = "RUN_DIR", description = "The injectors' results folders.")
    List<Path> inputs;

    @Option(names = "--out", required = true, paramLabel = "RUN_DIR", description = "New folder for the merged run.")
    Path out;

    @CommandLine.Mixin
    GateOptions gate;

    @Override
    public Integer call() {
        Criteria criteria = gate.loadCriteria();
        RunMerger.merge(inputs, out);
        spec.commandLine().getOut().println("Merged " + inputs.size() + " injector folders into " + out);
        return gate.renderAndGate(out, criteria, spec.commandLine().getOut());
    }
}
