package io.recallbricks.perf.server;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CpuBudgetTest {

    private static final long SECOND = 1_000_000_000L;

    private static CpuBudget.ComponentCpu cpu(Map<Long, Long> live, long reaped) {
        return new CpuBudget.ComponentCpu(live, reaped);
    }

    @Test
    void costPerRequestAndTheRateThatFillsTheCores() {
        Map<String, CpuBudget.ComponentCpu> before = new LinkedHashMap<>();
        before.put("service", cpu(Map.of(10L, SECOND), 0));
        before.put("injector", cpu(Map.of(1L, 0L), 0));
        Map<String, CpuBudget.ComponentCpu> after = new LinkedHashMap<>();
        after.put("service", cpu(Map.of(10L, 4 * SECOND), 0)); // 3 CPU-s for 2,000 requests: 1.5 ms each
        after.put("injector", cpu(Map.of(1L, SECOND), 0)); // 0.5 ms each
        assertEquals(Optional.of("cpu per request (ms): service 1.50, injector 0.50; 2.00 in all: 2 cores are used up "
                + "near 1000 rps"), CpuBudget.perRequest(before, after, 2_000, 2));
        assertEquals(Optional.empty(), CpuBudget.perRequest(before, after, 0, 2));
    }

    @Test
    void processesThatStartOrExitDuringThePhaseCountOnlyTheirTimeWithinIt() {
        // Backend 2 had used 1 s before the phase and exited during it after 0.5 s more: the postmaster reaped all
        // 1.5 s of it. Backend 3 started during the phase and used 0.25 s. Backend 1 went from 5 s to 6 s.
        CpuBudget.ComponentCpu before = cpu(Map.of(1L, 5 * SECOND, 2L, SECOND), 40 * SECOND);
        CpuBudget.ComponentCpu after = cpu(Map.of(1L, 6 * SECOND, 3L, SECOND / 4), 40 * SECOND + 3 * SECOND / 2);
        assertEquals(SECOND + SECOND / 2 + SECOND / 4, after.since(before));
    }

    @Test
    void theInjectorAlwaysCountsAndItsCpuTimeGrowsWithWork() {
        CpuBudget budget = CpuBudget.of(Optional.empty(), Optional.empty(), Optional.empty());
        var first = budget.read();
        double sink = 0;
        for (int i = 0; i < 20_000_000; i++) {
            sink += Math.sqrt(i);
        }
        assertTrue(sink > 0);
        var second = budget.read();
        assertTrue(second.get("injector").since(first.get("injector")) > 0, "the injector's CPU time did not move");
        assertEquals(List.of("injector"), List.copyOf(second.keySet()));
    }

    @Test
    void theInjectorDoesNotCountTheProcessesItStarted() throws Exception {
        CpuBudget budget = CpuBudget.of(Optional.empty(), Optional.empty(), Optional.empty());
        var before = budget.read();
        // A child that burns CPU and stays alive: the service, the fake or PostgreSQL when the suite starts them.
        Process child = new ProcessBuilder("sh", "-c",
                "i=0; while [ $i -lt 1000000 ]; do i=$((i+1)); done; echo burnt; sleep 30").start();
        try {
            assertEquals("burnt", new BufferedReader(new InputStreamReader(child.getInputStream())).readLine());
            long childCpu = child.toHandle().info().totalCpuDuration().orElseThrow().toNanos();
            long injectorCpu = budget.read().get("injector").since(before.get("injector"));
            assertTrue(childCpu > 200_000_000L, "the child did not burn CPU: " + childCpu + " ns");
            assertTrue(injectorCpu < childCpu / 2, "the child's CPU was counted as the injector's: " + injectorCpu + " ns");
        } finally {
            child.destroyForcibly().waitFor();
        }
    }

    @Test
    void theTimeOfExitedChildrenIsReadFromTheirParent() throws Exception {
        long before = CpuBudget.reapedChildrenNanos(ProcessHandle.current().pid());
        Process child = new ProcessBuilder("sh", "-c", "i=0; while [ $i -lt 1000000 ]; do i=$((i+1)); done").start();
        child.waitFor(); // this JVM reaps it
        long reaped = CpuBudget.reapedChildrenNanos(ProcessHandle.current().pid()) - before;
        assertTrue(reaped > 200_000_000L, "reaped " + reaped + " ns");
    }

    @Test
    void aProcessThatIsNotPostgresIsNotTakenForItsServer() {
        // This JVM's parent is not a PostgreSQL postmaster.
        CpuBudget budget = CpuBudget.of(Optional.empty(), Optional.of(ProcessHandle.current().pid()), Optional.empty());
        assertTrue(!budget.read().containsKey("postgres"));
    }
}
