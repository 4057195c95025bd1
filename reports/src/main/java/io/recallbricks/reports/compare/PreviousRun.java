package io.recallbricks.reports.compare;

import io.recallbricks.reports.run.Json;
import io.recallbricks.reports.run.RunFolder;
import io.recallbricks.reports.run.RunInfo;
import io.recallbricks.reports.run.RunReadException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Finds the run to compare with: among the folders beside this run that hold a readable run.json with the same
 * profile, the newest one that started before this run (by run.json's startedAt; by folder name, which ends in
 * the start time, when a startedAt is missing). Folders whose run.json cannot be read are passed over.
 */
public final class PreviousRun {
    private PreviousRun() {
    }

    public static Optional<Path> locate(Path runDir, RunInfo current) {
        Path parent = runDir.toAbsolutePath().normalize().getParent();
        if (parent == null || current.profile() == null) {
            return Optional.empty();
        }
        Path self = runDir.toAbsolutePath().normalize();
        try (Stream<Path> siblings = Files.list(parent)) {
            return siblings.filter(Files::isDirectory)
                    .filter(p -> !p.equals(self))
                    .filter(p -> Files.isRegularFile(p.resolve(RunFolder.RUN_FILE)))
                    .map(p -> new Candidate(p, info(p)))
                    .filter(c -> c.info != null && current.profile().equals(c.info.profile()))
                    .filter(c -> isBefore(c, self, current))
                    .max(Comparator.comparing((Candidate c) -> c.info.startedAt(), Comparator.nullsFirst(Comparator.naturalOrder()))
                            .thenComparing(c -> c.dir.getFileName().toString()))
                    .map(c -> c.dir);
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static boolean isBefore(Candidate c, Path self, RunInfo current) {
        Instant mine = current.startedAt();
        Instant theirs = c.info.startedAt();
        if (mine != null && theirs != null) {
            return theirs.isBefore(mine);
        }
        return c.dir.getFileName().toString().compareTo(self.getFileName().toString()) < 0;
    }

    private static RunInfo info(Path dir) {
        try {
            return Json.read(dir.resolve(RunFolder.RUN_FILE), RunInfo.class);
        } catch (RunReadException e) {
            return null;
        }
    }

    private record Candidate(Path dir, RunInfo info) {
        Candidate {
            Objects.requireNonNull(dir);
        }
    }
}
