package io.recallbricks.perf.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The whole machine's CPU from {@code /proc/stat} (Linux): busy and total jiffies since boot, all cores. Two
 * readings give the share of the machine that was busy in between, from any process: on a shared machine that is
 * what tells "the service ran out of CPU" from "the neighbours took it".
 */
public record MachineCpu(long busy, long total) {

    public static Optional<MachineCpu> read() {
        try {
            String first = Files.readAllLines(Path.of("/proc/stat")).get(0); // "cpu  user nice system idle iowait ..."
            String[] f = first.trim().split("\\s+");
            long total = 0;
            for (int i = 1; i < f.length && i <= 8; i++) total += Long.parseLong(f[i]); // up to steal; guest is in user
            long idle = Long.parseLong(f[4]) + (f.length > 5 ? Long.parseLong(f[5]) : 0);
            return Optional.of(new MachineCpu(total - idle, total));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The busy share of the machine between {@code before} and this reading, 0..1. */
    public Optional<Double> busySince(MachineCpu before) {
        long dt = total - before.total;
        return dt <= 0 ? Optional.empty() : Optional.of((double) (busy - before.busy) / dt);
    }
}
