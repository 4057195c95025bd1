package io.recallbricks.perf.run;

import io.gatling.app.Gatling$;
import io.gatling.shared.cli.GatlingCliOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Runs one simulation through Gatling's own entry point, in this JVM, and files its HTML report under
 * {@code gatling/<phase>/} of the run folder.
 */
final class GatlingLauncher {

    private final Path gatlingDir;

    GatlingLauncher(Path gatlingDir) {
        this.gatlingDir = gatlingDir;
    }

    /** @return Gatling's exit code (0 when the simulation ran; this suite defines no Gatling assertions) */
    int run(Class<?> simulation, String phase) throws IOException {
        Path scratch = gatlingDir.resolve(".in-progress-" + phase);
        Files.createDirectories(scratch);
        int code = Gatling$.MODULE$.fromArgs(new String[] {
                GatlingCliOptions.Simulation.longOption(), simulation.getName(),
                GatlingCliOptions.ResultsFolder.longOption(), scratch.toString(),
                GatlingCliOptions.RunDescription.longOption(), phase,
                GatlingCliOptions.Launcher.longOption(), "recallbricks-load-suite"});
        Optional<Path> report = newestDirectory(scratch);
        if (report.isPresent()) {
            Files.move(report.get(), gatlingDir.resolve(phase), StandardCopyOption.ATOMIC_MOVE);
        }
        deleteTree(scratch);
        return code;
    }

    private static Optional<Path> newestDirectory(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).max(Comparator.comparing(p -> p.toFile().lastModified()));
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
