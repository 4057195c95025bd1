package io.recallbricks.chaos.cli;

import java.util.concurrent.CountDownLatch;

/** What the server subcommands share: stay up until the JVM is asked to stop, then close cleanly. */
public final class Servers {

    private Servers() {
    }

    /** Blocks until SIGINT/SIGTERM, then closes {@code server} (from the shutdown hook) and returns. */
    public static void runUntilStopped(AutoCloseable server) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                System.err.println("error while stopping: " + e.getMessage());
            } finally {
                stopped.countDown();
            }
        }, "chaos-shutdown"));
        stopped.await();
    }
}
