package io.recallbricks.perf.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.recallbricks.perf.server.HostMemory;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MemorySizeTest {

    @Test
    void theHeapBudgetIsTheLastXmxOfTheServiceOptions() {
        assertEquals(Optional.of(1L << 30), MemorySize.maxHeap("-Xms512m -Xmx1g -XX:+UseG1GC"));
        assertEquals(Optional.of(512L << 20), MemorySize.maxHeap("-Xmx1g -Xmx512m"));
        assertEquals(Optional.empty(), MemorySize.maxHeap("-XX:MaxRAMPercentage=50"));
        assertEquals(1536L << 20, MemorySize.parse("1536m"));
        assertThrows(IllegalArgumentException.class, () -> MemorySize.parse("lots"));
    }

    @Test
    void theRssBudgetIsExplicitElseHeapPlusAnAllowance() {
        assertEquals(Optional.of(2L << 30), HostMemory.startedServiceBudget(Optional.of(2L << 30), Optional.of(1L << 30)));
        long derived = HostMemory.startedServiceBudget(Optional.empty(), Optional.of(1L << 30)).orElseThrow();
        // capped by a cgroup limit when the machine has one
        long expected = HostMemory.cgroupLimitBytes().map(c -> Math.min(c, (1L << 30) + HostMemory.NON_HEAP_ALLOWANCE))
                .orElse((1L << 30) + HostMemory.NON_HEAP_ALLOWANCE);
        assertEquals(expected, derived);
    }

    @Test
    void badBudgetsAndChaosValuesStopTheSuiteBeforeItStarts() {
        var e = assertThrows(IllegalArgumentException.class, () -> ConfigResolver.resolve(
                java.util.List.of("--service-rss-budget=much"), java.util.Map.of()));
        assertEquals("--service-rss-budget=much: expected auto or a size such as 1536m or 2g", e.getMessage());
        var c = assertThrows(IllegalArgumentException.class, () -> ConfigResolver.resolve(
                java.util.List.of("--chaos=some"), java.util.Map.of()));
        assertEquals("--chaos=some: must be ci, full or off", c.getMessage());
        assertEquals("ci", ConfigResolver.resolve(java.util.List.of(), java.util.Map.of()).chaos());
        SuiteConfig full = ConfigResolver.resolve(java.util.List.of("--profile", "full"), java.util.Map.of());
        assertEquals("full", full.chaos());
        assertEquals(2000, full.memoriesOf(0), "the full profile's largest tenants hold 2,000 memories");
        assertEquals(400, full.memoriesOf(5));
        var l = assertThrows(IllegalArgumentException.class, () -> ConfigResolver.resolve(
                java.util.List.of("--largest-tenants=5"), java.util.Map.of()));
        assertEquals("--largest-tenants=5: expected <tenants>@<memories> such as 5@2000, or off", l.getMessage());
    }
}
