package io.recallbricks.chaos.experiment.stack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The connection hog against a real PostgreSQL and a rival that behaves like a connection pool: it keeps a few
 * connections and reconnects as soon as one is ended. The hog must end with every slot, the rival with none.
 */
@Timeout(60)
class ConnectionHogTest {

    private static final int MAX_CONNECTIONS = 12;
    private static final String DATABASE = "postgres";

    private static EmbeddedPostgres postgres;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder()
                .setServerConfig("unix_socket_directories", System.getProperty("java.io.tmpdir"))
                .setServerConfig("max_connections", Integer.toString(MAX_CONNECTIONS))
                .start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    private static String url() {
        return "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + DATABASE;
    }

    @Test
    void takesEverySlotFromAPoolThatReconnectsAtOnce() throws Exception {
        ConnectionHog hog = new ConnectionHog(url(), "postgres", "postgres", DATABASE);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Connection> rival = new ArrayList<>();
        Thread pool = new Thread(() -> keepConnections(rival, 4, running), "rival-pool");
        pool.start();
        try {
            Thread.sleep(300); // the rival holds its connections
            int held = hog.exhaust();

            assertTrue(held >= MAX_CONNECTIONS - 3, "held " + held); // less at most the slots of background workers
            SQLException refused = assertThrows(SQLException.class,
                    () -> DriverManager.getConnection(url(), "postgres", "postgres").close());
            assertEquals("53300", refused.getSQLState(), refused.getMessage());
            Thread.sleep(500); // the rival keeps trying meanwhile
            assertEquals(0, liveConnections(rival), "the rival still has a working connection");
        } finally {
            running.set(false);
            pool.join();
            hog.release();
        }
        try (Connection again = DriverManager.getConnection(url(), "postgres", "postgres")) {
            assertTrue(again.isValid(2), "released slots can be used again");
        }
    }

    /** A pool of {@code size}: checks its connections and replaces dead ones, as fast as it can. */
    private static void keepConnections(List<Connection> connections, int size, AtomicBoolean running) {
        while (running.get()) {
            synchronized (connections) {
                connections.removeIf(c -> !alive(c));
                while (connections.size() < size) {
                    try {
                        connections.add(DriverManager.getConnection(url(), "postgres", "postgres"));
                    } catch (SQLException refused) {
                        break;
                    }
                }
            }
            Thread.onSpinWait();
        }
        synchronized (connections) {
            connections.forEach(ConnectionHogTest::closeQuietly);
        }
    }

    private static int liveConnections(List<Connection> connections) {
        synchronized (connections) {
            return (int) connections.stream().filter(ConnectionHogTest::alive).count();
        }
    }

    private static boolean alive(Connection connection) {
        try (Statement st = connection.createStatement()) {
            st.execute("SELECT 1");
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static void closeQuietly(Connection connection) {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // a connection the hog ended
        }
    }
}
