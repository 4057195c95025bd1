package io.recallbricks.chaos.experiment;

import io.recallbricks.chaos.ChaosMain;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A wrong command line gets a one-line reason and exit code 2, before anything is started. */
class ExperimentsCommandTest {

    private record Result(int exit, String out, String err) {
    }

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = ChaosMain.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void anUnknownExperimentIsNamedWithTheKnownOnes(@TempDir Path dir) {
        Result r = run("experiments", "--only", "database-down,disk-full", "--out", dir.toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("error: unknown experiment 'disk-full'; known: database-down, database-hang"), r.err());
        assertFalse(r.err().contains("Exception"), r.err());
    }

    @Test
    void anUnknownProfileOrAMissingOutFolderIsAUsageError(@TempDir Path dir) {
        Result profile = run("experiments", "--profile", "huge", "--out", dir.toString());
        assertEquals(2, profile.exit());
        assertTrue(profile.err().contains("unknown profile 'huge' (ci or full)"), profile.err());
        Result out = run("experiments");
        assertEquals(2, out.exit());
        assertTrue(out.err().contains("Missing required option: '--out=DIR'"), out.err());
    }

    @Test
    void aMissingServiceJarSaysHowToBuildIt(@TempDir Path dir) {
        Result r = run("experiments", "--out", dir.toString(), "--service-jar", dir.resolve("nope.jar").toString());
        assertEquals(2, r.exit());
        assertTrue(r.err().contains("no service jar at") && r.err().contains("./mvnw -q -pl service -am package"), r.err());
    }

    @Test
    void helpListsTheExperiments() {
        Result r = run("experiments", "--help");
        assertEquals(0, r.exit());
        assertTrue(r.out().contains("database-connections") && r.out().contains("embeddings-429"), r.out());
    }
}
