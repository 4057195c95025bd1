package io.recallbricks.perf.server;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import java.util.Properties;

/**
 * Counts the client connections PostgreSQL sees to the service's database (pg_stat_activity), the server-side view
 * of the DB-connections criterion: every instance of the service counts, other databases of the server do not. The
 * sampler's own connection is left out.
 */
public final class PgActivity implements AutoCloseable {

    /** Client connections to the service's database (the one the sampler connects to), every instance's pool. */
    private static final String COUNT = "select count(*) from pg_stat_activity "
            + "where backend_type = 'client backend' and datname = current_database() and pid <> pg_backend_pid()";

    private final DatabaseUrl url;
    private Connection connection;

    public PgActivity(DatabaseUrl url) {
        this.url = url;
    }

    /** The count, or empty if the database cannot be reached right now (which the samples then omit). */
    public synchronized Optional<Integer> clientConnections() {
        return queryLong(COUNT).map(Long::intValue);
    }

    /** The process id of this sampler's backend (a process of the server, on its host), if it can be asked. */
    public synchronized Optional<Long> backendPid() {
        return queryLong("select pg_backend_pid()");
    }

    /** The one number a query answers, on this sampler's connection (opened on first use, again after a failure). */
    private Optional<Long> queryLong(String sql) {
        try {
            if (connection == null || connection.isClosed()) {
                Properties props = new Properties();
                url.user().ifPresent(u -> props.setProperty("user", u));
                url.password().ifPresent(p -> props.setProperty("password", p));
                props.setProperty("connectTimeout", "3");
                props.setProperty("socketTimeout", "5");
                props.setProperty("ApplicationName", "recallbricks-load-suite-sampler");
                connection = DriverManager.getConnection(url.jdbcUrl(), props);
            }
            try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return Optional.of(rs.getLong(1));
            }
        } catch (SQLException e) {
            close();
            return Optional.empty();
        }
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing a broken connection: nothing more to do
            }
            connection = null;
        }
    }
}
