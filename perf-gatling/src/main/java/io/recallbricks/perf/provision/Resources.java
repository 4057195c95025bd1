package io.recallbricks.perf.provision;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Everything the suite started, stopped in reverse order exactly once: at the end of the run, on failure, and on
 * Ctrl-C or SIGTERM (through a shutdown hook), so no service, fake or database outlives the suite.
 */
public final class Resources implements AutoCloseable {

    private record Entry(String name, AutoCloseable resource) {
    }

    private final Deque<Entry> started = new ArrayDeque<>();
    private static volatile boolean interrupted;

    private final Thread hook = new Thread(() -> {
        interrupted = true;
        close();
    }, "suite-cleanup");

    /** True once Ctrl-C or SIGTERM has started the cleanup: what fails afterwards fails because of it. */
    public static boolean interrupted() {
        return interrupted;
    }

    public Resources() {
        Runtime.getRuntime().addShutdownHook(hook);
    }

    public synchronized <T extends AutoCloseable> T add(String name, T resource) {
        started.push(new Entry(name, resource));
        return resource;
    }

    @Override
    public void close() {
        while (true) {
            Entry e;
            synchronized (this) {
                e = started.poll();
            }
            if (e == null) break;
            try {
                System.out.println("  stopping " + e.name);
                e.resource.close();
            } catch (Exception ex) {
                System.out.println("  could not stop " + e.name + ": " + ex.getMessage());
            }
        }
        if (Thread.currentThread() != hook) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook is running or will run: it finds nothing left to stop
            }
        }
    }
}
