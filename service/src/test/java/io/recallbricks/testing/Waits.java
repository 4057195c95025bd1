package io.recallbricks.testing;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Bounded polling: tests wait for a state, never for a fixed time, and fail with a message when it never comes. */
public final class Waits {

    private Waits() {
    }

    public static void until(String what, Duration limit, BooleanSupplier condition) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("Timed out after " + limit.toSeconds() + " s waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("Interrupted waiting for " + what);
            }
        }
    }
}
