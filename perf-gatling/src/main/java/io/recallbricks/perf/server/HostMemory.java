package io.recallbricks.perf.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The memory limit of this host or container: the cgroup limit if one is set, else the machine's total memory.
 * Only meaningful for a service the suite started on this machine.
 */
public final class HostMemory {

    private HostMemory() {
    }

    public static Optional<Long> limitBytes() {
        return read("/sys/fs/cgroup/memory.max")
                .or(() -> read("/sys/fs/cgroup/memory/memory.limit_in_bytes"))
                .filter(v -> v < (1L << 60))
                .or(HostMemory::memTotal);
    }

    private static Optional<Long> read(String file) {
        try {
            String s = Files.readString(Path.of(file)).trim();
            return s.equals("max") ? Optional.empty() : Optional.of(Long.parseLong(s));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Long> memTotal() {
        try {
            return Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(l -> l.startsWith("MemTotal:"))
                    .map(l -> Long.parseLong(l.replaceAll("[^0-9]", "")) * 1024)
                    .findFirst();
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }
}
