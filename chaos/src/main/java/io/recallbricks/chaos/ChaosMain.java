package io.recallbricks.chaos;

import io.recallbricks.chaos.embeddings.FakeEmbeddingsCommand;
import io.recallbricks.chaos.proxy.TcpProxyCommand;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code java -jar recallbricks-chaos.jar <subcommand> ...}. Exit codes: 0 stopped normally, 1 failed (e.g. a
 * port already taken), 2 a wrong command line, with a one-line reason and the usage; never a stack trace.
 */
@Command(name = "recallbricks-chaos", mixinStandardHelpOptions = true, versionProvider = ChaosMain.Version.class,
        description = "Fault-injectable doubles of the service's dependencies.",
        subcommands = {FakeEmbeddingsCommand.class, TcpProxyCommand.class, CommandLine.HelpCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:stopped normally", "1:failed (e.g. port taken)", "2:wrong command line"})
public final class ChaosMain implements Callable<Integer> {

    static final int EXIT_FAILED = 1;
    static final int EXIT_USAGE = 2;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the CLI without exiting the JVM; returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new ChaosMain());
        cli.setOut(out);
        cli.setErr(err);
        cli.setExecutionExceptionHandler((e, commandLine, parseResult) -> {
            if (e instanceof IllegalArgumentException) { // a value the configuration refuses
                commandLine.getErr().println("error: " + e.getMessage());
                commandLine.usage(commandLine.getErr());
                return EXIT_USAGE;
            }
            commandLine.getErr().println("error: " + commandLine.getCommandName() + " failed: " + e.getMessage());
            return EXIT_FAILED;
        });
        return cli.execute(args);
    }

    /** The version Maven wrote into the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = ChaosMain.class.getPackage().getImplementationVersion();
            return new String[] {"recallbricks-chaos " + (version == null ? "(development build)" : version)};
        }
    }

    /** No subcommand: say which there are. */
    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return EXIT_USAGE;
    }
}
