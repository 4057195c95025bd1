package io.recallbricks.perf.server;

import java.time.Duration;
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
 * when its backends run here (found through {@code pg_backend_pid()}). A backend that exits during the phase takes
 * its CPU time with it; the service's pool keeps its connections open, so this is rare.
 */
public final class CpuBudget {

    /** A component's processes: one process, and everything it started unless it is this injector. */
    private final Map<String, ProcessHandle> roots;

    private CpuBudget(Map<String, ProcessHandle> roots) {
        this.roots = roots;
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
     * CPU time so far per component (nanoseconds), its processes and their descendants summed; the injector's alone,
     * since the processes it started (service, fake, embedded PostgreSQL) are counted as what they are.
     */
    public Map<String, Long> cpuNanos() {
        Map<String, Long> cpu = new LinkedHashMap<>();
        roots.forEach((name, root) -> {
            Stream<ProcessHandle> processes = root.equals(ProcessHandle.current()) ? Stream.of(root)
                    : Stream.concat(Stream.of(root), root.descendants());
            cpu.put(name, processes.mapToLong(p -> p.info().totalCpuDuration().map(Duration::toNanos).orElse(0L)).sum());
        });
        return cpu;
    }

    /**
     * One line: CPU milliseconds per request of each component between two readings, their sum, and the request rate
     * at which that sum fills {@code cores}; empty when no request completed.
     */
    public static Optional<String> perRequest(Map<String, Long> before, Map<String, Long> after, long requests,
                                              int cores) {
        if (requests <= 0) return Optional.empty();
        StringJoiner parts = new StringJoiner(", ");
        double total = 0;
        for (Map.Entry<String, Long> e : after.entrySet()) {
            double ms = (e.getValue() - before.getOrDefault(e.getKey(), 0L)) / 1e6 / requests;
            total += ms;
            parts.add(String.format("%s %.2f", e.getKey(), ms));
        }
        return Optional.of(String.format("cpu per request (ms): %s; %.2f in all: %d cores are used up near %.0f rps",
                parts, total, cores, total <= 0 ? 0 : cores * 1000 / total));
    }
}
