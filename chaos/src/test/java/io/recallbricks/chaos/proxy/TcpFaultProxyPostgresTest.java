package io.recallbricks.chaos.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The proxy between plain JDBC and a real PostgreSQL (embedded), one fault at a time. */
@Timeout(60)
class TcpFaultProxyPostgresTest {

    private static EmbeddedPostgres postgres;
    private TcpFaultProxy proxy;

    @BeforeAll
    static void startPostgres() throws Exception {
        postgres = EmbeddedPostgres.builder()
                .setServerConfig("unix_socket_directories", System.getProperty("java.io.tmpdir"))
                .start();
    }

    @AfterAll
    static void stopPostgres() throws Exception {
        postgres.close();
    }

    @BeforeEach
    void startProxy() {
        proxy = TcpFaultProxy.start(TcpProxyConfig.to("127.0.0.1", postgres.getPort()));
    }

    @AfterEach
    void closeProxy() {
        proxy.close();
    }

    @Test
    void queriesPassThrough() throws Exception {
        try (Connection connection = connect(10)) {
            assertEquals(42, selectInt(connection, "SELECT 42"));
            assertEquals(1, proxy.openConnections());
        }
        awaitNoConnections();
    }

    @Test
    void largeResultsPassIntact() throws Exception {
        try (Connection connection = connect(10)) {
            // About 2 MB in several chunks: exercises the flow control in both directions.
            String sql = "SELECT sum(length(repeat(md5(g::text), 64))) FROM generate_series(1, 1000) g";
            assertEquals(1000 * 32 * 64, selectInt(connection, sql));
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT repeat('x', 2000000)")) {
                assertTrue(rows.next());
                assertEquals(2_000_000, rows.getString(1).length());
            }
        }
    }

    @Test
    void downRefusesNewConnectionsAndCutsOpenOnes() throws Exception {
        try (Connection open = connect(10)) {
            proxy.down();
            assertEquals(0, proxy.openConnections(), "down has cut the open connection when it returns");
            SQLException refused = assertThrows(SQLException.class, () -> connect(10).close());
            assertTrue(hasCause(refused, ConnectException.class), "refused, not timed out: " + refused);
            assertThrows(SQLException.class, () -> selectInt(open, "SELECT 1"));
        }
        awaitNoConnections();

        proxy.passThrough();
        try (Connection connection = connect(10)) {
            assertEquals(1, selectInt(connection, "SELECT 1"));
        }
    }

    @Test
    void hangMakesAQueryWithASocketTimeoutTimeOut() throws Exception {
        try (Connection connection = connect(1)) {
            assertEquals(1, selectInt(connection, "SELECT 1"));
            proxy.hang();
            SQLException timedOut = assertThrows(SQLException.class, () -> selectInt(connection, "SELECT 2"));
            assertTrue(hasCause(timedOut, SocketTimeoutException.class), "timed out: " + timedOut);
        }
        SQLException handshake = assertThrows(SQLException.class, () -> connect(1).close());
        assertTrue(hasCause(handshake, SocketTimeoutException.class), "new connections hang too: " + handshake);

        proxy.passThrough();
        try (Connection connection = connect(10)) {
            assertEquals(3, selectInt(connection, "SELECT 3"));
        }
    }

    @Test
    void whatWasHeldDuringAHangIsDeliveredWhenItIsLifted() throws Exception {
        try (Connection connection = connect(30)) {
            proxy.hang();
            CompletableFuture<Integer> query = CompletableFuture.supplyAsync(() -> {
                try {
                    return selectInt(connection, "SELECT 7");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(300);
            assertFalse(query.isDone(), "no answer while hung");
            proxy.passThrough();
            assertEquals(7, query.get(20, TimeUnit.SECONDS));
        }
    }

    @Test
    void latencyAddsAtLeastTheDelayPerRoundTrip() throws Exception {
        try (Connection connection = connect(30)) {
            selectInt(connection, "SELECT 1");
            proxy.latency(Duration.ofMillis(150));
            long started = System.nanoTime();
            assertEquals(2, selectInt(connection, "SELECT 2"));
            long elapsedMs = Duration.ofNanos(System.nanoTime() - started).toMillis();
            // The query goes up delayed by 150 ms and its answer comes back delayed by 150 ms.
            assertTrue(elapsedMs >= 300, "round trip took " + elapsedMs + " ms");
            assertEquals(ProxyFault.Mode.LATENCY, proxy.fault().mode());

            proxy.passThrough();
            assertEquals(3, selectInt(connection, "SELECT 3"));
        }
    }

    @Test
    void closeCutsConnectionsAndFreesThePort() throws Exception {
        Connection open = connect(10);
        int port = proxy.port();
        proxy.close();
        assertThrows(SQLException.class, () -> selectInt(open, "SELECT 1"));
        SQLException refused = assertThrows(SQLException.class,
                () -> DriverManager.getConnection(url(port), properties(5)).close());
        assertTrue(hasCause(refused, ConnectException.class), refused.toString());
        open.close();
        proxy = TcpFaultProxy.start(TcpProxyConfig.to("127.0.0.1", postgres.getPort()).listeningOn("127.0.0.1", port));
        try (Connection again = connect(10)) {
            assertEquals(1, selectInt(again, "SELECT 1"), "the port can be reused at once");
        }
    }

    private Connection connect(int socketTimeoutSeconds) throws SQLException {
        return DriverManager.getConnection(url(proxy.port()), properties(socketTimeoutSeconds));
    }

    private static String url(int port) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres";
    }

    private static Properties properties(int socketTimeoutSeconds) {
        Properties properties = new Properties();
        properties.setProperty("user", "postgres");
        properties.setProperty("connectTimeout", "5");
        properties.setProperty("socketTimeout", Integer.toString(socketTimeoutSeconds));
        properties.setProperty("tcpKeepAlive", "false");
        return properties;
    }

    private static int selectInt(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static boolean hasCause(Throwable error, Class<? extends Throwable> type) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }

    private void awaitNoConnections() throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (proxy.openConnections() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertEquals(0, proxy.openConnections());
    }
}
