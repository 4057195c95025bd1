package io.recallbricks.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The dispatcher's answers to wrong command lines: a message and exit code 2, never a stack trace. */
class ChaosMainTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private PrintStream originalErr;
    private PrintStream originalOut;

    @BeforeEach
    void capture() {
        originalErr = System.err;
        originalOut = System.out;
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setErr(originalErr);
        System.setOut(originalOut);
    }

    @Test
    void listsTheSubcommandsWhenAskedForHelp() {
        assertEquals(0, ChaosMain.run(new String[] {"help"}));
        String usage = out.toString(StandardCharsets.UTF_8);
        assertTrue(usage.contains("fake-embeddings") && usage.contains("tcp-proxy"), usage);
    }

    @Test
    void rejectsAnUnknownSubcommand() {
        assertEquals(2, ChaosMain.run(new String[] {"break-everything"}));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("unknown subcommand 'break-everything'"));
    }

    @Test
    void rejectsBadOptionsWithTheSubcommandsUsage() {
        assertEquals(2, ChaosMain.run(new String[] {"fake-embeddings", "--port", "abc"}));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("--port must be a whole number"), message);
        assertTrue(message.contains("--latency-median-ms"), "usage shown: " + message);
        assertTrue(!message.contains("\tat "), "no stack trace");
    }

    @Test
    void rejectsInconsistentLatencies() {
        assertEquals(2, ChaosMain.run(new String[] {"fake-embeddings", "--latency-median-ms", "100",
                "--latency-p99-ms", "50"}));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("must not be below the median"));
    }

    @Test
    void tcpProxyNeedsAnUpstream() {
        assertEquals(2, ChaosMain.run(new String[] {"tcp-proxy", "--listen", "0"}));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--upstream is required"));
        assertEquals(2, ChaosMain.run(new String[] {"tcp-proxy", "--listen", "0", "--upstream", "localhost"}));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--upstream must be HOST:PORT"));
        assertEquals(2, ChaosMain.run(new String[] {"tcp-proxy", "--listen", "0", "--upstream", "db:none"}));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("no valid port"));
    }
}
