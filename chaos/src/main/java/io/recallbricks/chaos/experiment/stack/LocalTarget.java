package io.recallbricks.chaos.experiment.stack;

import io.recallbricks.chaos.embeddings.FakeEmbeddingApi;
import io.recallbricks.chaos.embeddings.FakeEmbeddingConfig;
import io.recallbricks.chaos.proxy.TcpFaultProxy;
import io.recallbricks.chaos.proxy.TcpProxyConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything an experiment breaks, started here on loopback: an embedded PostgreSQL with few connection slots
 * (so that another client can hold them all), the TCP fault proxy in front of it, the fake embedding API, and the
 * service jar as a child process wired to both. {@link #close()} stops them in reverse order and removes every
 * fault with them; a JVM shutdown hook calls it too, so Ctrl-C leaves nothing behind.
 */
public final class LocalTarget implements AutoCloseable {

    /** PostgreSQL's slots: the service's pool plus a few for the hog's own use; small so that the hog fills it. */
    static final int MAX_CONNECTIONS = 30;
    static final String DATABASE = "recallbricks";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private final Deque<AutoCloseable> started = new ArrayDeque<>();
    private final Thread shutdownHook = new Thread(this::closeQuietly, "chaos-target-cleanup");
    private EmbeddedPostgres postgres;
    private TcpFaultProxy proxy;
    private FakeEmbeddingApi fake;
    private ServiceProcess service;
    private ServiceClient client;
    private String adminKey;

    private LocalTarget() {
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** Starts everything; on any failure stops what was started and rethrows. */
    public static LocalTarget start(Path serviceJar, ServiceSettings settings, Path logs)
            throws IOException, InterruptedException {
        LocalTarget target = new LocalTarget();
        try {
            target.startAll(serviceJar, settings, logs);
            return target;
        } catch (IOException | InterruptedException | RuntimeException e) {
            target.close();
            throw e;
        }
    }

    private void startAll(Path serviceJar, ServiceSettings settings, Path logs) throws IOException, InterruptedException {
        postgres = EmbeddedPostgres.builder()
                .setPort(freePort())
                .setRegisterShutdownHook(false)
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", Integer.toString(MAX_CONNECTIONS))
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logs.resolve("postgres.log").toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logs.resolve("postgres.log").toFile()))
                .start();
        started.push(postgres);
        try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            throw new IOException("cannot create the database: " + e.getMessage(), e);
        }
        proxy = TcpFaultProxy.start(TcpProxyConfig.to("127.0.0.1", postgres.getPort()));
        started.push(proxy);
        fake = FakeEmbeddingApi.start(FakeEmbeddingConfig.defaults().withLatency(20, 100)
                .withHangTimeout(Duration.ofMinutes(1)));
        started.push(fake);

        adminKey = "chaos_admin_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        int port = freePort();
        Map<String, String> env = new LinkedHashMap<>(settings.environment());
        env.put("PORT", Integer.toString(port));
        env.put("HOST", "127.0.0.1");
        env.put("DATABASE_URL", "postgresql://postgres:postgres@127.0.0.1:" + proxy.port() + "/" + DATABASE);
        env.put("OPENAI_BASE_URL", fake.openAiBaseUrl());
        env.put("OPENAI_API_KEY", "sk-chaos-fake");
        env.put("ADMIN_API_KEY", adminKey);
        service = ServiceProcess.start(serviceJar, env, List.of("-Xmx512m"), logs.resolve("service.log"));
        started.push(service);
        client = new ServiceClient("http://127.0.0.1:" + port, adminKey,
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build());
        awaitReady();
    }

    private void awaitReady() throws InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!service.isAlive()) {
                throw new IllegalStateException("the service exited during start-up; its log ends with:\n" + service.tail(20));
            }
            if (client.ready()) {
                return;
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("the service was not ready within " + READY_TIMEOUT.toSeconds()
                + " s; its log ends with:\n" + service.tail(20));
    }

    public ServiceClient client() {
        return client;
    }

    public TcpFaultProxy proxy() {
        return proxy;
    }

    public FakeEmbeddingApi fake() {
        return fake;
    }

    public ServiceProcess service() {
        return service;
    }

    /** A client that holds PostgreSQL's connections, connecting directly (not through the proxy). */
    public ConnectionHog connectionHog() {
        return new ConnectionHog("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres", "postgres",
                "postgres", DATABASE);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private synchronized void closeQuietly() {
        while (!started.isEmpty()) {
            AutoCloseable next = started.pop();
            try {
                next.close();
            } catch (Exception e) {
                System.err.println("cleanup: " + next.getClass().getSimpleName() + ": " + e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        closeQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // already shutting down: the hook is what called us
        }
    }
}
