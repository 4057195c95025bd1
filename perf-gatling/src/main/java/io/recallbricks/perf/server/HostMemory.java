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
        return read("/sys/fs/cgroup/memory.max")
                .or(() -> read("/sys/fs/cgroup/memory/memory.limit_in_bytes"))
                .filter(v -> v < (1L << 60))
                .or(HostMemory::physicalBytes);
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
