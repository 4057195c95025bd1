package io.recallbricks.perf.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The memory the service's host gives it, for a service the suite started here: the container's cgroup limit when
 * one is set, else the machine's physical memory. Reports judge resident memory against it, which is what the
 * guide's "Memory Usage < 80%" means; the heap against its maximum is not, since G1 fills the heap it is given
 * before collecting, and a 90% full heap is its normal state under load.
 */
public final class HostMemory {

    private HostMemory() {
    }

    public static Optional<Long> limitBytes() {
        return cgroupLimitBytes().or(HostMemory::physicalBytes);
    }

    /** The cgroup (container) memory limit this process and its children run under, when one is set. */
    public static Optional<Long> cgroupLimitBytes() {
        return read("/sys/fs/cgroup/memory.max")
                .or(() -> read("/sys/fs/cgroup/memory/memory.limit_in_bytes"))
                .filter(v -> v < (1L << 60));
    }

    /** What the JVM needs besides its heap (metaspace, code cache, thread stacks, GC structures, direct buffers). */
    public static final long NON_HEAP_ALLOWANCE = 512L << 20;

    /**
     * The resident memory a service the suite starts may use: the explicit budget when given; else its heap maximum
     * plus {@link #NON_HEAP_ALLOWANCE}, capped by the cgroup limit when one is set (the memory it really has).
     */
    public static Optional<Long> startedServiceBudget(Optional<Long> explicit, Optional<Long> maxHeap) {
        if (explicit.isPresent()) return explicit;
        Optional<Long> derived = maxHeap.map(h -> h + NON_HEAP_ALLOWANCE);
        Optional<Long> cgroup = cgroupLimitBytes();
        if (derived.isEmpty()) return cgroup;
        return Optional.of(cgroup.map(c -> Math.min(c, derived.get())).orElse(derived.get()));
    }

    private static Optional<Long> physicalBytes() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(line -> line.startsWith("MemTotal:"))
                    .map(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024)
                    .findFirst();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> read(String file) {
        try {
            String s = Files.readString(Path.of(file)).trim();
            return s.equals("max") ? Optional.empty() : Optional.of(Long.parseLong(s));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
