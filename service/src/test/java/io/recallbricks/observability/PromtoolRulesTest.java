package io.recallbricks.observability;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The shipped Prometheus rules pass {@code promtool check rules} and their unit tests ({@code promtool test rules}).
 * Skipped when promtool is not installed (Debian: {@code apt-get install prometheus}).
 */
class PromtoolRulesTest {

    private static final Path RULES = Path.of("..", "deploy", "prometheus").toAbsolutePath().normalize();

    private static String promtool() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
            File candidate = new File(dir, "promtool");
            if (candidate.canExecute()) {
                return candidate.getPath();
            }
        }
        return null;
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(RULES.toFile()).redirectErrorStream(true).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "promtool finished");
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.exitValue(), String.join(" ", command) + "\n" + output);
        return output;
    }

    @Test
    void theAlertRulesAreValidAndTheirUnitTestsPass() throws Exception {
        String promtool = promtool();
        Assumptions.assumeTrue(promtool != null, "promtool is not installed");

        assertTrue(run(promtool, "check", "rules", "alerts.yml").contains("SUCCESS: 6 rules found"));
        assertTrue(run(promtool, "test", "rules", "alerts.test.yml").contains("SUCCESS"));
    }
}
