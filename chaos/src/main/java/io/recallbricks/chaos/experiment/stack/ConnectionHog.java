package io.recallbricks.chaos.experiment.stack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/**
 * Another client that takes every connection PostgreSQL will give: it opens connections until the server refuses
 * ("too many clients", SQLSTATE 53300), then ends the service's own sessions and takes their slots as well, so the
 * service can neither keep nor get a connection. {@link #release()} closes them all.
 *
 * <p>The hog must be a superuser (or hold pg_signal_backend) to end other sessions; on the embedded database it
 * is the {@code postgres} superuser.
 */
public final class ConnectionHog {

    private static final int MAX_ROUNDS = 20;
    private static final Duration FREED_SLOT_WAIT = Duration.ofMillis(300);
    private static final String TOO_MANY_CLIENTS = "53300";

    private final String jdbcUrl;
    private final Properties credentials;
    private final String database;
    private final List<Connection> held = new ArrayList<>();

    public ConnectionHog(String jdbcUrl, String user, String password, String database) {
        this.jdbcUrl = jdbcUrl;
        this.database = database;
        this.credentials = new Properties();
        credentials.setProperty("user", user);
        credentials.setProperty("password", password);
        credentials.setProperty("connectTimeout", "5");
        credentials.setProperty("ApplicationName", "chaos-connection-hog");
    }

    /** Takes every slot; returns how many connections it holds. */
    public synchronized int exhaust() throws SQLException {
        grabUntilRefused();
        if (held.isEmpty()) {
            throw new SQLException("the connection hog could not open a single connection");
        }
        for (int round = 0; round < MAX_ROUNDS && terminateOthers() > 0; round++) {
            grabFreedSlots();
        }
        return held.size();
    }

    private void grabUntilRefused() throws SQLException {
        while (true) {
            try {
                held.add(DriverManager.getConnection(jdbcUrl, credentials));
            } catch (SQLException e) {
                if (TOO_MANY_CLIENTS.equals(e.getSQLState())) {
                    return;
                }
                throw e;
            }
        }
    }

    /**
     * Keeps asking for connections while the ended sessions' backends exit. The other clients reconnect too (a pool
     * refills at once): the hog must ask more often than they do, or it ends with fewer slots than the server has and
     * the service keeps a connection or two (seen once in a full run: 28 of 30).
     */
    private void grabFreedSlots() throws SQLException {
        long until = System.nanoTime() + FREED_SLOT_WAIT.toNanos();
        while (System.nanoTime() < until) {
            try {
                held.add(DriverManager.getConnection(jdbcUrl, credentials));
            } catch (SQLException e) {
                if (!TOO_MANY_CLIENTS.equals(e.getSQLState())) {
                    throw e;
                }
                Thread.onSpinWait();
            }
        }
    }

    /** Ends every other client session of the database; returns how many. */
    private int terminateOthers() throws SQLException {
        String sql = "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE datname = ? "
                + "AND backend_type = 'client backend' AND application_name <> 'chaos-connection-hog'";
        try (PreparedStatement st = held.get(0).prepareStatement(sql)) {
            st.setString(1, database);
            try (var rs = st.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    public synchronized int held() {
        return held.size();
    }

    /** Closes every held connection (safe to call twice). */
    public synchronized void release() {
        for (Connection c : held) {
            try {
                c.close();
            } catch (SQLException ignored) {
                // closing is best effort: the server frees the slot when the socket goes
            }
        }
        held.clear();
    }
}
