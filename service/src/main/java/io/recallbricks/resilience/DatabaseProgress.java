package io.recallbricks.resilience;

import io.recallbricks.web.DatabaseFailureHandler;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Whether the database has been answering lately: when the last guarded call completed. It tells a busy pool from
 * a dead database. A request that waited the whole {@code DATABASE_CONNECTION_TIMEOUT_MS} for a pooled connection
 * learns only that every connection was in use; if calls have kept completing meanwhile, the database is healthy and
 * the service is simply over capacity, which the breaker must not report as a database outage (opening it would
 * turn a latency problem into 503s for everyone). If nothing has completed lately, the connections are held by
 * calls that do not return, and that wait is the first sign of a hung database.
 */
public final class DatabaseProgress {

    private final AtomicLong lastAnsweredNanos = new AtomicLong(System.nanoTime());
    private final long recentNanos;

    /** @param recentMillis how long after its last answer the database still counts as answering */
    DatabaseProgress(long recentMillis) {
        this.recentNanos = recentMillis * 1_000_000L;
    }

    /** A guarded call came back from the database (a result, or an error the database itself raised). */
    void answered() {
        lastAnsweredNanos.set(System.nanoTime());
    }

    boolean answeredRecently() {
        return System.nanoTime() - lastAnsweredNanos.get() < recentNanos;
    }

    /**
     * True for a request that waited in vain for a pooled connection while every connection was in use. HikariCP
     * raises {@link SQLTransientConnectionException} for an acquisition timeout and attaches, as its cause, the
     * last failure to open a connection, if there was one; without a cause, connections exist but none came free.
     */
    static boolean isBusyPool(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientConnectionException) {
                return t.getCause() == null;
            }
        }
        return false;
    }

    /** An error the database itself sent back (it carries an SQLSTATE), other than one saying it is unavailable. */
    static boolean raisedByDatabase(Throwable failure) {
        if (DatabaseFailureHandler.isUnavailable(failure)) {
            return false;
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return true;
            }
        }
        return false;
    }

    /** A wait for a busy pool while calls keep completing: overload, neither a failure nor a success. */
    boolean isOverload(Throwable failure) {
        return isBusyPool(failure) && answeredRecently();
    }
}
