package io.recallbricks.chaos;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The command line's answers to wrong input: a one-line reason, the usage, exit code 2, never a stack trace. */
class ChaosMainTest {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        return ChaosMain.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    }

    @Test
    void listsTheSubcommandsWhenAskedForHelp() {
        assertEquals(0, run("--help"));
        assertTrue(out.toString().contains("fake-embeddings") && out.toString().contains("tcp-proxy"), out.toString());
    }

    @Test
    void withoutASubcommandShowsTheUsage() {
        assertEquals(2, run());
        assertTrue(err.toString().contains("fake-embeddings"), err.toString());
    }

    @Test
    void rejectsAnUnknownSubcommand() {
        assertEquals(2, run("break-everything"));
        assertTrue(err.toString().contains("'break-everything'"), err.toString());
    }

    @Test
    void rejectsBadOptionsWithTheSubcommandsUsage() {
        assertEquals(2, run("fake-embeddings", "--port", "abc"));
        assertTrue(err.toString().contains("'abc' is not an int"), err.toString());
        assertTrue(err.toString().contains("--latency-median-ms"), "usage shown: " + err);
        assertFalse(err.toString().contains("\tat "), "no stack trace");
    }

    @Test
    void rejectsValuesTheConfigurationRefuses() {
        assertEquals(2, run("fake-embeddings", "--latency-median-ms", "100", "--latency-p99-ms", "50"));
        assertTrue(err.toString().contains("error: the latency p99 (50 ms) must not be below the median"),
                err.toString());
        assertEquals(2, run("fake-embeddings", "--port", "70000"));
        assertTrue(err.toString().contains("port must be between 0 and 65535"), err.toString());
        assertFalse(err.toString().contains("\tat "), "no stack trace");
    }

    @Test
    void tcpProxyNeedsAValidUpstream() {
        assertEquals(2, run("tcp-proxy", "--listen", "0"));
        assertTrue(err.toString().contains("Missing required option: '--upstream=HOST:PORT'"), err.toString());
        assertEquals(2, run("tcp-proxy", "--listen", "0", "--upstream", "localhost"));
        assertTrue(err.toString().contains("'localhost' is not HOST:PORT"), err.toString());
        assertEquals(2, run("tcp-proxy", "--listen", "0", "--upstream", "db:none"));
        assertTrue(err.toString().contains("'db:none' has no valid port"), err.toString());
        assertEquals(2, run("tcp-proxy", "--listen", "99999", "--upstream", "db:5432"));
        assertTrue(err.toString().contains("'99999' has no valid port (0-65535)"), err.toString());
    }
}
