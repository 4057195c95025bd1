package io.recallbricks.perf.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The cgroup memory limit of this container, only when one is set (reports then judge resident memory against
 * it; without one they judge heap against its max). Only meaningful for a service the suite started here.
 */
public final class HostMemory {

    private HostMemory() {
    }

    public static Optional<Long> limitBytes() {
        return read("/sys/fs/cgroup/memory.max")
                .or(() -> read("/sys/fs/cgroup/memory/memory.limit_in_bytes"))
                .filter(v -> v < (1L << 60));
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
