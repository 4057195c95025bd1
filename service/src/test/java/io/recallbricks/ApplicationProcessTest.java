package io.recallbricks;

import io.recallbricks.testing.TestDatabase;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The service as an operator runs it: a separate process configured only by environment variables. */
class ApplicationProcessTest {

    private static final Duration STARTUP_BOUND = Duration.ofSeconds(90);

    private static ProcessBuilder service(Map<String, String> environment, Path output) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                "-Djava.io.tmpdir=" + System.getProperty("java.io.tmpdir"), Application.class.getName());
        builder.environment().keySet().removeIf(name -> name.equals("DATABASE_URL") || name.equals("PORT"));
        builder.environment().putAll(environment);
        builder.redirectErrorStream(false);
        builder.redirectOutput(output.toFile());
        return builder;
    }

    @Test
    void aMissingDatabaseUrlStopsStartupWithOneLine() throws Exception {
        Path stdout = Files.createTempFile("service-out", ".log");
        Process process = service(Map.of(), stdout).start();

        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();

        assertTrue(exited);
        assertEquals(2, process.exitValue());
        assertEquals(1, stderr.lines().count(), stderr);
        assertTrue(stderr.startsWith("recallbricks: invalid configuration: DATABASE_URL is required"), stderr);
    }

    /** The shipped example's ADMIN_API_KEY, a low-entropy METRICS_TOKEN: refused with one line and exit 2. */
    @ParameterizedTest
    @MethodSource("guessableSecrets")
    void aPlaceholderOrGuessableSecretStopsStartupWithOneLine(String variable, String value) throws Exception {
        Path stdout = Files.createTempFile("service-out", ".log");
        Process process = service(Map.of("DATABASE_URL", "postgresql://u:p@127.0.0.1:1/db", variable, value), stdout).start();

        boolean exited = process.waitFor(60, TimeUnit.SECONDS);
        String stderr = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();

        assertTrue(exited);
        assertEquals(2, process.exitValue());
        assertEquals(1, stderr.lines().count(), stderr);
        assertTrue(stderr.startsWith("recallbricks: invalid configuration: " + variable + " "), stderr);
    }

    static java.util.stream.Stream<org.junit.jupiter.params.provider.Arguments> guessableSecrets() throws Exception {
        Path example = Path.of("..", "deploy", "systemd", "recallbricks.env.example");
        String shipped = Files.readAllLines(example).stream().filter(line -> line.startsWith("ADMIN_API_KEY="))
                .map(line -> line.substring("ADMIN_API_KEY=".length())).findFirst().orElseThrow();
        return java.util.stream.Stream.of(
                org.junit.jupiter.params.provider.Arguments.of("ADMIN_API_KEY", shipped),
                org.junit.jupiter.params.provider.Arguments.of("ADMIN_API_KEY", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"),
                org.junit.jupiter.params.provider.Arguments.of("ADMIN_API_KEY", "admin-key-0123456789abcdefghij"),
                org.junit.jupiter.params.provider.Arguments.of("METRICS_TOKEN", "your-metrics-token-here"),
                org.junit.jupiter.params.provider.Arguments.of("METRICS_TOKEN", "12341234123412341234"));
    }

    @Test
    void startsFromTheEnvironmentServesAndOnSigtermFinishesInFlightRequestsThenStops() throws Exception {
        TestDatabase.Database database = TestDatabase.fresh();
        int port = freePort();
        Path stdout = Files.createTempFile("service-out", ".log");
        Process process = service(Map.of("DATABASE_URL", database.postgresUrl(), "PORT", Integer.toString(port),
                "HOST", "127.0.0.1", "SHUTDOWN_GRACE_PERIOD_SECONDS", "10", "RECALLBRICKS_TEST_SLOW_ROUTE", "true"),
                stdout).redirectErrorStream(true).start();
        try {
            HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
            URI ready = URI.create("http://127.0.0.1:" + port + "/health/ready");
            long deadline = System.nanoTime() + STARTUP_BOUND.toNanos();
            int status = -1;
            while (System.nanoTime() < deadline && process.isAlive()) {
                try {
                    status = client.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(2)).build(),
                            HttpResponse.BodyHandlers.discarding()).statusCode();
                    if (status == 200) {
                        break;
                    }
                } catch (IOException notYet) {
                    Thread.sleep(200);
                }
            }
            assertEquals(200, status, "ready within " + STARTUP_BOUND + "; log:\n" + Files.readString(stdout));

            CompletableFuture<HttpResponse<String>> inFlight = client.sendAsync(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/test/slow?millis=3000")).build(), HttpResponse.BodyHandlers.ofString());
            Thread.sleep(1000);
            process.destroy(); // SIGTERM while the slow request runs

            HttpResponse<String> finished = inFlight.get(30, TimeUnit.SECONDS);
            assertEquals(200, finished.statusCode(), "the in-flight request completes");
            assertTrue(finished.body().contains("3000"));
            assertTrue(process.waitFor(30, TimeUnit.SECONDS), "stops within the grace period");
            assertTrue(List.of(0, 143).contains(process.exitValue()), "exit " + process.exitValue());
        } finally {
            process.destroyForcibly();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
