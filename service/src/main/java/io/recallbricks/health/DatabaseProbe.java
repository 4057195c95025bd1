package io.recallbricks.health;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;

import java.time.Duration;

/** Asks the database a trivial question with a short timeout: the readiness signal. */
@Singleton
@Connectable
public class DatabaseProbe {

    public record Result(boolean up, long latencyMillis, String error) {
    }

    private static final int TIMEOUT_SECONDS = 2;

    private final JdbcOperations jdbc;

    public DatabaseProbe(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public Result check() {
        long start = System.nanoTime();
        try {
            jdbc.prepareStatement("SELECT 1", statement -> {
                statement.setQueryTimeout(TIMEOUT_SECONDS);
                return statement.execute();
            });
            return new Result(true, Duration.ofNanos(System.nanoTime() - start).toMillis(), null);
        } catch (RuntimeException e) {
            // The driver's message can carry host names and SQL; the operator finds it in the log.
            return new Result(false, Duration.ofNanos(System.nanoTime() - start).toMillis(), "database unreachable");
        }
    }
}
