package io.recallbricks.chaos.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.recallbricks.chaos.experiment.journal.JournalEntry;
import io.recallbricks.chaos.experiment.journal.JournalWriter;
import io.recallbricks.chaos.experiment.load.Workload;
import io.recallbricks.chaos.experiment.stack.LocalTarget;
import io.recallbricks.chaos.experiment.stack.ServiceClient;
import io.recallbricks.chaos.experiment.stack.ServiceSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code experiments}: provisions PostgreSQL, the TCP proxy, the fake embedding API and the service, seeds tenants,
 * runs the chosen experiments one after the other on that one stack, writes a journal for each, and exits 0 when
 * every verdict is passed, 1 otherwise (2: a wrong command line; 3: the stack could not be provisioned).
 */
@Command(name = "experiments", mixinStandardHelpOptions = true,
        description = "Run chaos experiments against a locally provisioned service; write their journals.")
public final class ExperimentsCommand implements Callable<Integer> {

    static final int EXIT_FAILED_VERDICT = 1;
    static final int EXIT_PROVISIONING = 3;

    @Option(names = "--only", split = ",", paramLabel = "NAME",
            description = "Experiments to run (default: the profile's). One or more of: ${COMPLETION-CANDIDATES}",
            completionCandidates = Names.class)
    List<String> only;

    @Option(names = "--profile", defaultValue = "ci", description = "ci (quick: database-down, embeddings-5xx) or full (all seven, 100 requests/s). Default: ${DEFAULT-VALUE}")
    String profileName;

    @Option(names = "--out", required = true, paramLabel = "DIR",
            description = "Where the journals go, e.g. runs/<run>/chaos (logs in DIR/logs)")
    Path out;

    @Option(names = "--service-jar", paramLabel = "JAR",
            description = "The service jar (default: the newest service/target/recallbricks-service-*.jar)")
    Path serviceJar;

    @Option(names = "--service-env", paramLabel = "KEY=VALUE",
            description = "Override the service's environment, e.g. CIRCUIT_BREAKER_ENABLED=false (repeatable)")
    Map<String, String> serviceEnv = new LinkedHashMap<>();

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    static final class Names extends ArrayList<String> {
        Names() {
            super(Faults.NAMES);
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter stdout = spec.commandLine().getOut();
        Profile profile = Profile.named(profileName);
        List<String> chosen = only == null || only.isEmpty() ? profile.defaultExperiments() : only;
        for (String name : chosen) {
            if (!Faults.NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown experiment '" + name + "'; known: " + String.join(", ", Faults.NAMES));
            }
        }
        ServiceSettings settings = ServiceSettings.withOverrides(serviceEnv);
        Path jar = serviceJar != null ? serviceJar : findServiceJar();
        if (!Files.isRegularFile(jar)) {
            throw new IllegalArgumentException("no service jar at " + jar + " (build it: ./mvnw -q -pl service -am package -DskipTests)");
        }
        Path logs = out.resolve("logs");
        Files.createDirectories(logs);
        String runTag = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        stdout.printf("chaos: profile %s, experiments %s, service %s%n", profile.name(), chosen, jar);
        LocalTarget target;
        try {
            target = LocalTarget.start(jar, settings, logs);
        } catch (IOException | IllegalStateException e) {
            spec.commandLine().getErr().println("error: could not provision the stack: " + e.getMessage());
            return EXIT_PROVISIONING;
        }
        List<JournalEntry> results = new ArrayList<>();
        try (target) {
            stdout.printf("chaos: service %s, PostgreSQL behind proxy :%d, fake embeddings %s (logs in %s)%n",
                    target.client().baseUrl(), target.proxy().port(), target.fake().openAiBaseUrl(), logs);
            List<Workload.Tenant> tenants = seed(target.client(), profile, runTag);
            Workload workload = new Workload(tenants);
            ExperimentRunner runner = new ExperimentRunner(target.client(), target.service(), settings, profile,
                    workload, tenants.get(0), stdout);
            runner.warmUp(profile.steady());
            Map<String, Fault> faults = Faults.of(target);
            for (String name : chosen) {
                JournalEntry journal = runner.run(faults.get(name), runTag);
                Path file = JournalWriter.write(journal, out);
                results.add(journal);
                printSummary(stdout, journal, file);
            }
        }
        long passed = results.stream().filter(JournalEntry::passed).count();
        stdout.printf("chaos: %d of %d experiments passed%n", passed, results.size());
        return passed == results.size() ? 0 : EXIT_FAILED_VERDICT;
    }

    /** Tenants with a few memories each (embedded while the API is healthy), the first one also takes the writes. */
    private static List<Workload.Tenant> seed(ServiceClient client, Profile profile, String runTag)
            throws IOException, InterruptedException {
        List<Workload.Tenant> tenants = new ArrayList<>();
        for (int t = 0; t < profile.tenants(); t++) {
            String key = client.createTenant("chaos-" + runTag + "-" + t);
            List<String> ids = new ArrayList<>();
            for (int m = 0; m < profile.seedMemoriesPerTenant(); m++) {
                ObjectNode memory = ServiceClient.json().createObjectNode()
                        .put("text", "Seed " + m + ": " + Workload.query() + " and " + Workload.query())
                        .put("source", "chaos-seed");
                memory.putArray("tags").add("seed");
                JsonNode created = client.createMemory(key, memory);
                ids.add(created.path("id").asText());
            }
            tenants.add(new Workload.Tenant(key, ids));
        }
        return tenants;
    }

    private static void printSummary(PrintWriter out, JournalEntry j, Path file) {
        out.printf("%s: %s (mttr %s s, writes %d acknowledged / %d intact / %d lost / %d half-written) -> %s%n",
                j.name(), j.passed() ? "PASSED" : "FAILED",
                j.mttrSeconds() == null ? "-" : String.format("%.0f", j.mttrSeconds()),
                j.writes().acknowledged(), j.writes().verifiedIntact(), j.writes().lost(), j.writes().halfWritten(), file);
        j.checks().forEach(c -> out.printf("  %s %-26s %s%n", c.passed() ? "ok  " : "FAIL", c.name(), c.detail()));
    }

    private static Path findServiceJar() throws IOException {
        Path dir = Path.of("service", "target");
        if (!Files.isDirectory(dir)) {
            return dir.resolve("recallbricks-service-<version>.jar");
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("recallbricks-service-.*\\.jar"))
                    .max((a, b) -> Long.compare(a.toFile().lastModified(), b.toFile().lastModified()))
                    .orElse(dir.resolve("recallbricks-service-<version>.jar"));
        }
    }
}
