package io.recallbricks.retrieval;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Bounds a statement that moves a lot of data (a user's vectors) by a deadline: if it is still running then, its
 * connection is aborted, the read fails at once and the pool replaces the connection. The statement timeout cannot
 * do this, since it counts only the server's work, not the transfer: over a slow network a large result can stream for
 * longer than any single read's socket timeout would ever notice.
 */
final class StatementDeadline implements AutoCloseable {

    private static final Executor CLOSE_NOW = Runnable::run;

    private final ScheduledFuture<?> abort;

    private StatementDeadline(ScheduledFuture<?> abort) {
        this.abort = abort;
    }

    /** Arms the abort of {@code connection} at {@code deadlineNanos} (System.nanoTime), or fails if it has passed. */
    static StatementDeadline arm(ScheduledExecutorService timer, Connection connection, long deadlineNanos)
            throws SQLException {
        long remaining = deadlineNanos - System.nanoTime();
        if (remaining <= 0) {
            throw expired();
        }
        return new StatementDeadline(timer.schedule(() -> abort(connection), remaining, TimeUnit.NANOSECONDS));
    }

    /** The failure a statement past its deadline reports: 57014, as if cancelled by a statement timeout. */
    static SQLTimeoutException expired() {
        return new SQLTimeoutException("loading the user's vectors took longer than VECTOR_LOAD_TIMEOUT_MS", "57014");
    }

    private static void abort(Connection connection) {
        try {
            connection.abort(CLOSE_NOW);
        } catch (SQLException ignored) {
            // Already closed: the statement finished as the deadline fired.
        }
    }

    @Override
    public void close() {
        abort.cancel(false);
    }
}
