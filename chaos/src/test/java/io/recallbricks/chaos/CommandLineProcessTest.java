package io.recallbricks.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The subcommands as other tools run them: a separate JVM whose first line says where it listens (the load
 * suite and the experiments parse it), which serves, and which stops cleanly on SIGTERM.
 */
@Timeout(60)
class CommandLineProcessTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void fakeEmbeddingsPrintsItsUrlServesAndStopsOnSigterm() throws Exception {
        Process process = start("fake-embeddings", "--port", "0");
        try {
            String line = firstLine(process);
            Matcher m = Pattern.compile("fake-embeddings listening on (http://127\\.0\\.0\\.1:(\\d+))").matcher(line);
            assertTrue(m.matches(), line);
            assertTrue(Integer.parseInt(m.group(2)) > 0);
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(m.group(1) + "/v1/models"))
                    .header("Authorization", "Bearer k").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
        } finally {
            assertStopsOnSigterm(process);
        }
    }

    @Test
    void tcpProxyPrintsItsAddressesAndAdminAnswers() throws Exception {
        Process process = start("tcp-proxy", "--listen", "0", "--upstream", "127.0.0.1:9", "--admin-port", "0");
        try {
            String line = firstLine(process);
            Matcher m = Pattern.compile(
                    "tcp-proxy listening on 127\\.0\\.0\\.1:(\\d+) -> 127\\.0\\.0\\.1:9, admin (http://127\\.0\\.0\\.1:\\d+)")
                    .matcher(line);
            assertTrue(m.matches(), line);
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(m.group(2) + "/faults/down"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, response.statusCode());
            assertTrue(response.body().contains("\"mode\":\"down\""), response.body());
        } finally {
            assertStopsOnSigterm(process);
        }
    }

    private static Process start(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ChaosMain.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    private static String firstLine(Process process) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertNotNull(line, "the process printed nothing");
        return line;
    }

    private static void assertStopsOnSigterm(Process process) throws InterruptedException {
        process.destroy(); // SIGTERM: the shutdown hook closes the server
        boolean exited = process.waitFor(20, TimeUnit.SECONDS);
        if (!exited) {
            process.destroyForcibly();
        }
        assertTrue(exited, "still running 20 s after SIGTERM");
    }
}
