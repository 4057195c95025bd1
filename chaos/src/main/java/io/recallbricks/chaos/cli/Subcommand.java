package io.recallbricks.chaos.cli;

import java.util.List;

/** One subcommand of {@code java -jar recallbricks-chaos.jar <name> [options]}. */
public interface Subcommand {

    String name();

    /** The usage lines, options with their defaults. */
    String usage();

    /** Runs the subcommand; servers block here until the process is stopped (Ctrl-C, SIGTERM). */
    void run(List<String> args) throws Exception;
}
