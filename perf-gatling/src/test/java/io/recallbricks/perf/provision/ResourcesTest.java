package io.recallbricks.perf.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResourcesTest {

    @TempDir
    Path dir;

    @Test
    void stopsChildProcessesAndTheirChildrenInReverseOrder() throws Exception {
        List<String> order = new ArrayList<>();
        ManagedProcess child;
        List<ProcessHandle> grandchildren;
        try (Resources resources = new Resources()) {
            resources.add("first", () -> order.add("first"));
            // A shell that starts a grandchild and reports readiness, like the service or the fake do.
            child = resources.add("shell", ManagedProcess.start("shell",
                    List.of("/bin/sh", "-c", "sleep 300 & echo \"ready on port 4242\"; wait"), Map.of(),
                    dir.resolve("logs/shell.log")));
            resources.add("last", () -> order.add("last"));
            assertEquals("4242", child.awaitLine(Pattern.compile("ready on port (\\d+)"), Duration.ofSeconds(10)));
            grandchildren = ProcessHandle.of(child.pid()).orElseThrow().descendants().toList();
            assertEquals(1, grandchildren.size(), "the shell's sleep");
        }
        assertEquals(List.of("last", "first"), order);
        assertFalse(ProcessHandle.of(child.pid()).map(ProcessHandle::isAlive).orElse(false), "the child is gone");
        assertTrue(grandchildren.stream().noneMatch(ProcessHandle::isAlive), "and so is its child, not orphaned");
    }

    @Test
    void aChildThatDiesBeforeItIsReadyIsReportedWithItsLog() throws Exception {
        try (Resources resources = new Resources()) {
            ManagedProcess child = resources.add("failing", ManagedProcess.start("failing",
                    List.of("/bin/sh", "-c", "echo 'port already in use'; exit 3"), Map.of(),
                    dir.resolve("logs/failing.log")));
            var e = assertThrows(ProvisioningException.class,
                    () -> child.awaitLine(Pattern.compile("listening on (\\S+)"), Duration.ofSeconds(10)));
            assertTrue(e.getMessage().startsWith("failing exited with code 3"), e.getMessage());
            assertTrue(e.getMessage().contains("port already in use"), e.getMessage());
        }
    }
}
