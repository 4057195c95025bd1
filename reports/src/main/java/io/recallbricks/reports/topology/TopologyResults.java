package io.recallbricks.reports.topology;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.recallbricks.reports.run.Json;
import io.recallbricks.reports.run.RunReadException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code topology.json}, written into a run folder by {@code deploy/drill} (shape in deploy/README.md): the
 * drills run against the production topology, each with a verdict and a figure, and their numbers in {@code details}.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record TopologyResults(int version, String variant, String startedAt, String finishedAt, boolean passed,
                              List<Check> checks, Map<String, Object> details) {

    public static final String FILE = "topology.json";

    public TopologyResults {
        checks = checks == null ? List.of() : List.copyOf(checks);
        details = details == null ? Map.of() : details;
    }

    /** One drill: its name, whether it passed, its figure in words, and whether it gates (absent: it does). */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Check(String name, boolean passed, String figure, Boolean gating) {
        public boolean gates() {
            return gating == null || gating;
        }

        public String result() {
            return (passed ? "PASS" : "FAIL") + (gates() ? "" : " (informational)");
        }
    }

    /** The run's topology results; empty when the run was not a drill. A malformed file is an input error. */
    public static Optional<TopologyResults> read(Path runDir) {
        Path file = runDir.resolve(FILE);
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        TopologyResults results = Json.read(file, TopologyResults.class);
        for (Check c : results.checks()) {
            if (c == null || c.name() == null || c.name().isBlank()) {
                throw new RunReadException(file + " is not valid: a check without a name");
            }
        }
        return Optional.of(results);
    }
}
