package io.recallbricks.chaos;

import io.recallbricks.chaos.cli.CommandLine;
import io.recallbricks.chaos.cli.Subcommand;
import io.recallbricks.chaos.embeddings.FakeEmbeddingsCommand;
import io.recallbricks.chaos.proxy.TcpProxyCommand;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Entry point of {@code recallbricks-chaos.jar}: dispatches to a subcommand. Exit code 2 is a usage error. */
public final class ChaosMain {

    private static final Map<String, Subcommand> SUBCOMMANDS = new LinkedHashMap<>();

    static {
        for (Subcommand subcommand : List.of(new FakeEmbeddingsCommand(), new TcpProxyCommand())) {
            SUBCOMMANDS.put(subcommand.name(), subcommand);
        }
    }

    private ChaosMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length == 0 || List.of("help", "--help", "-h").contains(args[0])) {
            System.out.println(usage());
            return args.length == 0 ? 2 : 0;
        }
        Subcommand subcommand = SUBCOMMANDS.get(args[0]);
        if (subcommand == null) {
            System.err.println("error: unknown subcommand '" + args[0] + "'\n\n" + usage());
            return 2;
        }
        List<String> rest = Arrays.asList(args).subList(1, args.length);
        if (rest.contains("--help") || rest.contains("-h")) {
            System.out.println(subcommand.usage());
            return 0;
        }
        try {
            subcommand.run(rest);
            return 0;
        } catch (CommandLine.UsageException | IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage() + "\n\n" + subcommand.usage());
            return 2;
        } catch (Exception e) {
            System.err.println("error: " + subcommand.name() + " failed: " + e.getMessage());
            return 1;
        }
    }

    private static String usage() {
        StringBuilder text = new StringBuilder("usage: java -jar recallbricks-chaos.jar <subcommand> [options]\n");
        for (Subcommand subcommand : SUBCOMMANDS.values()) {
            text.append('\n').append(subcommand.usage()).append('\n');
        }
        return text.toString();
    }
}
