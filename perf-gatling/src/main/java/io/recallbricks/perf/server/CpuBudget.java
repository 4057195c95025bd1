package io.recallbricks.perf.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.StringJoiner;
import java.util.stream.Stream;

/**
 * Where this machine's CPU goes per request: the CPU time that the processes serving the load (the service,
 * PostgreSQL with its backends, the fake embedding API, and this injector) spent during a phase, divided by the
 * requests the phase completed. On a machine that runs all of them, their sum is what each request costs the machine,
 * so the cores divided by it is the rate at which the machine runs out of CPU, whatever the service does: the ceiling
 * of a co-located break point, and which process to make cheaper to raise it.
 *
 * <p>Only processes of this machine count: a service given by {@code API_URL} has none here, and PostgreSQL counts
 * when its backends run here (found through {@code pg_backend_pid()}). Processes come and go during a phase (the pool
 * retires connections, autovacuum workers start and stop): a process's time counts from the first reading it is seen
 * in, and the time of children that exited is read from their parent's {@code cutime}/{@code cstime} in
 * {@code /proc} (Linux; elsewhere it is missing from the sum).
 */
public final class CpuBudget {

    /** Linux reports {@code /proc/<pid>/stat} times in USER_HZ, which is 100 on every architecture Java runs on. */
    private static final long NANOS_PER_TICK = 10_000_000L;

    /** A component's processes: one process, and everything it started unless it is this injector. */
    private final Map<String, ProcessHandle> roots;

    private CpuBudget(Map<String, ProcessHandle> roots) {
        this.roots = roots;
    }

    /** One component at one instant: CPU time per live process, and that of the root's exited children. */
    public record ComponentCpu(Map<Long, Long> liveNanos, long reapedNanos) {

        /** CPU time spent between {@code before} and this reading. */
        long since(ComponentCpu before) {
            long spent = reapedNanos - before.reapedNanos;
            for (Map.Entry<Long, Long> process : liveNanos.entrySet()) {
                spent += process.getValue() - before.liveNanos.getOrDefault(process.getKey(), 0L);
            }
            for (Map.Entry<Long, Long> gone : before.liveNanos.entrySet()) {
                if (!liveNanos.containsKey(gone.getKey())) {
                    // Its whole life went into the parent's cutime when it exited; only the part after `before` is ours.
                    spent -= gone.getValue();
                }
            }
            return spent;
        }
    }

    /**
     * The components found on this machine, in the order they are printed.
     *
     * @param servicePid    the service, if the suite started it
     * @param postgresPid   a live backend of the PostgreSQL server (pg_backend_pid()); its postmaster is found from
     *                      it now, so the backend may end afterwards
     * @param embeddingsPid the fake embedding API, if the suite started it
     */
    public static CpuBudget of(Optional<Long> servicePid, Optional<Long> postgresPid, Optional<Long> embeddingsPid) {
        Map<String, ProcessHandle> roots = new LinkedHashMap<>();
        servicePid.flatMap(ProcessHandle::of).ifPresent(p -> roots.put("service", p));
        postgresPid.flatMap(ProcessHandle::of).flatMap(CpuBudget::postmaster).ifPresent(p -> roots.put("postgres", p));
        embeddingsPid.flatMap(ProcessHandle::of).ifPresent(p -> roots.put("embeddings", p));
        roots.put("injector", ProcessHandle.current());
        return new CpuBudget(roots);
    }

    /** A backend's parent is the postmaster; a process that is not PostgreSQL's is not counted. */
    private static Optional<ProcessHandle> postmaster(ProcessHandle backend) {
        return backend.parent().filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false));
    }

    /**
     * A reading of every component. The injector counts alone: the processes it started (service, fake, embedded
     * PostgreSQL) are counted as what they are.
     */
    public Map<String, ComponentCpu> read() {
        Map<String, ComponentCpu> reading = new LinkedHashMap<>();
        roots.forEach((name, root) -> {
            boolean injector = root.equals(ProcessHandle.current());
            Map<Long, Long> live = new HashMap<>();
            (injector ? Stream.of(root) : Stream.concat(Stream.of(root), root.descendants()))
                    .forEach(p -> p.info().totalCpuDuration().ifPresent(cpu -> live.put(p.pid(), cpu.toNanos())));
            reading.put(name, new ComponentCpu(live, injector ? 0 : reapedChildrenNanos(root.pid())));
        });
        return reading;
    }

    /** cutime + cstime of {@code /proc/<pid>/stat}: the CPU time of the children it has waited for. */
    static long reapedChildrenNanos(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            // Fields after the command, which is in parentheses and may contain spaces: state is field 3.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) * NANOS_PER_TICK;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    /**
     * One line: CPU milliseconds per request of each component between two readings, their sum, and the request rate
     * at which that sum fills {@code cores}; empty when no request completed.
     */
    public static Optional<String> perRequest(Map<String, ComponentCpu> before, Map<String, ComponentCpu> after,
                                              long requests, int cores) {
        if (requests <= 0) return Optional.empty();
        StringJoiner parts = new StringJoiner(", ");
        double total = 0;
        for (Map.Entry<String, ComponentCpu> e : after.entrySet()) {
            ComponentCpu start = before.getOrDefault(e.getKey(), new ComponentCpu(Map.of(), e.getValue().reapedNanos()));
            double ms = e.getValue().since(start) / 1e6 / requests;
            total += ms;
            parts.add(String.format("%s %.2f", e.getKey(), ms));
        }
        return Optional.of(String.format("cpu per request (ms): %s; %.2f in all: %d cores are used up near %.0f rps",
                parts, total, cores, total <= 0 ? 0 : cores * 1000 / total));
    }

    /** Each component's CPU between two readings as a share of the machine ({@code cores} over {@code wallSeconds}). */
    public static Map<String, Double> shares(Map<String, ComponentCpu> before, Map<String, ComponentCpu> after,
                                             double wallSeconds, int cores) {
        Map<String, Double> shares = new LinkedHashMap<>();
        if (before == null || after == null || wallSeconds <= 0) return shares;
        after.forEach((name, now) -> {
            ComponentCpu start = before.getOrDefault(name, new ComponentCpu(Map.of(), now.reapedNanos()));
            shares.put(name, now.since(start) / 1e9 / (wallSeconds * cores));
        });
        return shares;
    }
}
