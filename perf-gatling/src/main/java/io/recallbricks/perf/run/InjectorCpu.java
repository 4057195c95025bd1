package io.recallbricks.perf.run;

import java.lang.management.ManagementFactory;

/** The injector's own CPU time (this JVM: Gatling and the recorders), to report how busy the load generator was. */
final class InjectorCpu {

    private InjectorCpu() {
    }

    static long nanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
