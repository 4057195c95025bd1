package io.recallbricks.testing;

import io.recallbricks.config.DatabaseUrl;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL server the tests run against, chosen once per JVM in this order: the one {@code DATABASE_URL}
 * names; a Testcontainers PostgreSQL 15 when a Docker engine answers; otherwise an embedded PostgreSQL 15 started
 * from Maven artifacts. Each test class gets a database of its own on that server, so classes never see each
 * other's rows and migration tests start from an empty schema.
 */
public final class TestDatabase {

    /** A database on the test server: a JDBC URL with its credentials. */
    public record Database(String jdbcUrl, String username, String password) {
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(jdbcUrl, username, password);
        }

        /** The same database reached through another port on loopback (a {@link FaultProxy}). */
        public Database via(int port) {
            return new Database(jdbcUrl.replaceFirst("//[^/]+/", "//127.0.0.1:" + port + "/"), username, password);
        }

        public String host() {
            return java.net.URI.create(jdbcUrl.substring("jdbc:".length())).getHost();
        }

        public int port() {
            return java.net.URI.create(jdbcUrl.substring("jdbc:".length())).getPort();
        }

        /** The same database in the deployment guide's postgresql:// form. */
        public String postgresUrl() {
            return jdbcUrl.replace("jdbc:postgresql://", "postgresql://" + username + ":" + password + "@");
        }
    }

    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static Server server;

    private TestDatabase() {
    }

    /** A new, empty database. */
    public static synchronized Database fresh() {
        if (server == null) {
            server = startServer();
        }
        String name = "rb_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        try (Connection admin = DriverManager.getConnection(server.adminUrl(), server.username(), server.password());
             Statement statement = admin.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create test database on " + server.description(), e);
        }
        return new Database(server.urlFor(name), server.username(), server.password());
    }

    public static synchronized String serverDescription() {
        if (server == null) {
            server = startServer();
        }
        return server.description();
    }

    private record Server(String description, String host, int port, String username, String password,
                          String adminDatabase) {
        String adminUrl() {
            return urlFor(adminDatabase);
        }

        String urlFor(String database) {
            return "jdbc:postgresql://" + host + ":" + port + "/" + database;
        }
    }

    private static Server startServer() {
        String external = System.getenv("DATABASE_URL");
        if (external != null && !external.isBlank()) {
            return external(external);
        }
        if (dockerAvailable()) {
            return container();
        }
        return embedded();
    }

    private static Server external(String value) {
        DatabaseUrl url = DatabaseUrl.parse(value);
        java.net.URI uri = java.net.URI.create(url.jdbcUrl().substring("jdbc:".length()));
        String database = uri.getPath().substring(1);
        return new Server("external PostgreSQL at " + uri.getHost() + ":" + uri.getPort(), uri.getHost(),
                uri.getPort() > 0 ? uri.getPort() : 5432, url.username(), url.password(), database);
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }

    @SuppressWarnings("resource") // Lives as long as the test JVM; Testcontainers' reaper removes it.
    private static Server container() {
        PostgreSQLContainer<?> container = new PostgreSQLContainer<>("postgres:15");
        container.start();
        return new Server("Testcontainers PostgreSQL 15", container.getHost(), container.getFirstMappedPort(),
                container.getUsername(), container.getPassword(), container.getDatabaseName());
    }

    private static Server embedded() {
        try {
            Path socketDirectory = Path.of(System.getProperty("java.io.tmpdir"));
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setServerConfig("unix_socket_directories", socketDirectory.toString())
                    .setServerConfig("max_connections", "300")
                    .start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    postgres.close();
                } catch (IOException ignored) {
                    // The JVM is exiting; the data directory is under target/.
                }
            }));
            return new Server("embedded PostgreSQL on port " + postgres.getPort(), "localhost", postgres.getPort(),
                    "postgres", "postgres", "postgres");
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start embedded PostgreSQL", e);
        }
    }
}
