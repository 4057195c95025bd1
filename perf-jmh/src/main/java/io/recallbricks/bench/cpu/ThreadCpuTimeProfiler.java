package io.recallbricks.bench.cpu;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds {@code cpu.time/op}: the CPU time the benchmark's own worker threads spent per operation in each iteration
 * ({@code -prof io.recallbricks.bench.cpu.ThreadCpuTimeProfiler}).
 *
 * <p>Why: on the shared two-core build machine, wall-clock time per operation moved by up to 10× between
 * iterations of one fork (other engineers' builds and load tests take the cores), while the CPU time of a busy
 * loop moved by 3 % (README, "Why CPU time"). A thread that is descheduled accumulates no CPU time, so CPU time per
 * operation measures the code, not the neighbours. JIT compiler and GC threads are not counted; the work they do
 * is the same from run to run of the same code.
 */
public final class ThreadCpuTimeProfiler implements InternalProfiler {

    static final String METRIC = "cpu.time/op";
    private static final String WORKER = "-jmh-worker-";

    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private Map<Long, Long> atStart = Map.of();

    public ThreadCpuTimeProfiler() {
        if (!threads.isThreadCpuTimeSupported()) {
            throw new IllegalStateException("this JVM cannot measure thread CPU time");
        }
        threads.setThreadCpuTimeEnabled(true);
    }

    @Override
    public String getDescription() {
        return "CPU time of the benchmark's worker threads per operation";
    }

    @Override
    public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
        atStart = workerCpuTimes();
    }

    @Override
    public List<? extends Result> afterIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams,
                                                 IterationResult result) {
        long spent = 0;
        for (Map.Entry<Long, Long> worker : workerCpuTimes().entrySet()) {
            spent += worker.getValue() - atStart.getOrDefault(worker.getKey(), 0L);
        }
        long ops = result.getMetadata().getAllOps();
        if (ops <= 0 || spent <= 0) {
            return List.of();
        }
        return List.of(new ScalarResult(METRIC, (double) spent / ops, "ns/op", AggregationPolicy.AVG));
    }

    private Map<Long, Long> workerCpuTimes() {
        Map<Long, Long> times = new HashMap<>();
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().contains(WORKER)) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                if (cpu >= 0) {
                    times.put(info.getThreadId(), cpu);
                }
            }
        }
        return times;
    }
}
