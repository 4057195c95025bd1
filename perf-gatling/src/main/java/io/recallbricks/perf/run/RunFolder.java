package io.recallbricks.perf.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/** The layout of a run's results folder (docs/contracts.md section 3). */
public final class RunFolder {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final String runId;
    private final Path dir;

    private RunFolder(String runId, Path dir) {
        this.runId = runId;
        this.dir = dir;
    }

    /** {@code <runsDir>/<profile>-<yyyyMMdd-HHmmss>}, suffixed with the injector's name unless it is "local". */
    public static RunFolder create(Path runsDir, String profile, String injector, LocalDateTime now) {
        String id = profile + "-" + STAMP.format(now) + ("local".equals(injector) ? "" : "-" + injector);
        Path dir = runsDir.resolve(id);
        try {
            if (Files.exists(dir)) throw new IllegalStateException(dir + " already exists");
            Files.createDirectories(dir.resolve("phases"));
            Files.createDirectories(dir.resolve("gatling"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the run folder " + dir, e);
        }
        return new RunFolder(id, dir);
    }

    public String runId() {
        return runId;
    }

    public Path dir() {
        return dir;
    }

    public Path phaseDir(String phase) {
        return dir.resolve("phases").resolve(phase);
    }

    public Path serverSamples() {
        return dir.resolve("server-samples.jsonl");
    }

    public Path gatlingDir() {
        return dir.resolve("gatling");
    }

    /** Rewritten after every phase, so an interrupted run still describes what it ran. */
    public void writeRunJson(Object runJson) {
        Path tmp = dir.resolve("run.json.tmp");
        try {
            JSON.writeValue(tmp.toFile(), runJson);
            Files.move(tmp, dir.resolve("run.json"), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write run.json in " + dir, e);
        }
    }
}
