package io.recallbricks.perf.server;

import org.junit.jupiter.api.Test;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CpuBudgetTest {

    @Test
    void costPerRequestAndTheRateThatFillsTheCores() {
        Map<String, Long> before = new LinkedHashMap<>(Map.of("service", 1_000_000_000L));
        before.put("injector", 0L);
        Map<String, Long> after = new LinkedHashMap<>();
        after.put("service", 4_000_000_000L); // 3 CPU-s for 2,000 requests: 1.5 ms each
        after.put("injector", 1_000_000_000L); // 0.5 ms each
        assertEquals(Optional.of("cpu per request (ms): service 1.50, injector 0.50; 2.00 in all: 2 cores are used up "
                + "near 1000 rps"), CpuBudget.perRequest(before, after, 2_000, 2));
        assertEquals(Optional.empty(), CpuBudget.perRequest(before, after, 0, 2));
    }

    @Test
    void theInjectorAlwaysCountsAndItsCpuTimeGrowsWithWork() {
        CpuBudget budget = CpuBudget.of(Optional.empty(), Optional.empty(), Optional.empty());
        long first = budget.cpuNanos().get("injector");
        double sink = 0;
        for (int i = 0; i < 20_000_000; i++) {
            sink += Math.sqrt(i);
        }
        assertTrue(sink > 0);
        assertTrue(budget.cpuNanos().get("injector") > first, "the injector's CPU time did not move");
        assertEquals(java.util.List.of("injector"), java.util.List.copyOf(budget.cpuNanos().keySet()));
    }

    @Test
    void theInjectorDoesNotCountTheProcessesItStarted() throws Exception {
        CpuBudget budget = CpuBudget.of(Optional.empty(), Optional.empty(), Optional.empty());
        long before = budget.cpuNanos().get("injector");
        // A child that burns CPU and stays alive: the service, the fake or PostgreSQL when the suite starts them.
        Process child = new ProcessBuilder("sh", "-c",
                "i=0; while [ $i -lt 1000000 ]; do i=$((i+1)); done; echo burnt; sleep 30").start();
        try {
            assertEquals("burnt", new java.io.BufferedReader(new java.io.InputStreamReader(child.getInputStream()))
                    .readLine());
            long childCpu = child.toHandle().info().totalCpuDuration().orElseThrow().toNanos();
            long injectorCpu = budget.cpuNanos().get("injector") - before;
            assertTrue(childCpu > 200_000_000L, "the child did not burn CPU: " + childCpu + " ns");
            assertTrue(injectorCpu < childCpu / 2, "the child's CPU was counted as the injector's: " + injectorCpu + " ns");
        } finally {
            child.destroyForcibly().waitFor();
        }
    }

    @Test
    void aProcessThatIsNotPostgresIsNotTakenForItsServer() {
        // This JVM's parent is not a PostgreSQL postmaster.
        CpuBudget budget = CpuBudget.of(Optional.empty(), Optional.of(ProcessHandle.current().pid()), Optional.empty());
        assertTrue(!budget.cpuNanos().containsKey("postgres"));
    }
}
