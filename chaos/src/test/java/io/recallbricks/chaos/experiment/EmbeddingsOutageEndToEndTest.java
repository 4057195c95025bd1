package io.recallbricks.chaos.experiment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recallbricks.chaos.experiment.journal.JournalEntry;
import io.recallbricks.chaos.experiment.journal.JournalWriter;
import io.recallbricks.chaos.experiment.load.Workload;
import io.recallbricks.chaos.experiment.stack.LocalTarget;
import io.recallbricks.chaos.experiment.stack.ServiceClient;
import io.recallbricks.chaos.experiment.stack.ServiceSettings;
import io.recallbricks.chaos.experiment.verdict.Check;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * One real experiment, end to end and shortened (about a minute): the service jar against embedded PostgreSQL and
 * the fake embedding API, which answers 5xx for 8 s. Needs the service jar ({@code -Dchaos.serviceJar=...}, else
 * ../service/target/recallbricks-service-*.jar); skipped when there is none, or when that service does not embed
 * (its /health has no {@code embeddings}).
 */
class EmbeddingsOutageEndToEndTest {

    static final Profile SHORT = new Profile("test", 20, 5, Duration.ofSeconds(5), Duration.ofSeconds(8),
            Duration.ofSeconds(20), Duration.ofSeconds(3), Duration.ofSeconds(30), 2, 5);

    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES)
    void theOpenaiBreakerOpensRetrievalFallsBackToKeywordsAndEveryMemoryIsEmbeddedAfterwards(@TempDir Path dir)
            throws Exception {
        Optional<Path> jar = serviceJar();
        assumeTrue(jar.isPresent(), "no service jar built: skipped");
        ServiceSettings settings = ServiceSettings.withOverrides(Map.of());
        Files.createDirectories(dir.resolve("logs"));
        try (LocalTarget target = LocalTarget.start(jar.get(), settings, dir.resolve("logs"))) {
            ServiceClient client = target.client();
            assumeTrue(client.health().has("embeddings"), "the service jar has no embedding client yet: skipped");
            String key = client.createTenant("e2e");
            Workload.Tenant tenant = new Workload.Tenant(key, List.of());
            ExperimentRunner runner = new ExperimentRunner(client, target.service(), settings, SHORT,
                    new Workload(List.of(tenant)), tenant, new PrintWriter(System.out, true));
            runner.warmUp(Duration.ofSeconds(5));

            JournalEntry journal = runner.run(Faults.of(target).get("embeddings-5xx"), "e2e");
            Path file = JournalWriter.write(journal, dir);

            assertTrue(journal.passed(), () -> "deviations: " + journal.deviations());
            assertTrue(journal.checks().stream().map(Check::name).toList().containsAll(List.of(
                    "breaker-opens-metrics", "breaker-opens-health", "keyword-fallback", "writes-safe",
                    "embedded-after-recovery", "recovers")));
            assertTrue(journal.writes().acknowledged() > 0);
            assertEquals(journal.writes().acknowledged(), journal.writes().verifiedIntact());
            assertTrue(journal.backfill().pending() > 0, "some memories were stored without an embedding");
            assertTrue(target.fake().faults().plan().isHealthy(), "the fault was removed");

            JsonNode ext = new ObjectMapper().readTree(file.toFile()).path("extensions").get(0);
            assertEquals("passed", ext.path("verdict").asText());
            assertEquals("open", ext.path("breakerTransitions").get(0).path("to").asText());
        }
    }

    private static Optional<Path> serviceJar() throws IOException {
        String configured = System.getProperty("chaos.serviceJar");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        Path dir = Path.of("..", "service", "target");
        if (!Files.isDirectory(dir)) {
            return Optional.empty();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches("recallbricks-service-.*\\.jar")).findFirst();
        }
    }
}
