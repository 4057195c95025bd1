package io.recallbricks.perf.provision;

import io.recallbricks.perf.config.EmbeddingLatency;
import io.recallbricks.perf.config.MemorySize;
import io.recallbricks.perf.config.SuiteConfig;
import io.recallbricks.perf.config.TargetSpec;
import io.recallbricks.perf.server.DatabaseUrl;
import io.recallbricks.perf.server.HostMemory;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Sets up the target (DESIGN section 4.1): uses what the environment names, else provisions it here. Everything
 * started goes into {@link Resources}, so it is stopped however the run ends.
 */
public final class Provisioner {

    private static final Pattern FAKE_LISTENING = Pattern.compile("fake-embeddings listening on (http://\\S+)");
    /** A started service gets time for its first start (migrations, JIT); a deployed one should already be up. */
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration DEPLOYED_READY_TIMEOUT = Duration.ofSeconds(30);

    private final SuiteConfig config;
    private final Path repoRoot;
    private final Path logs;
    private final Resources resources;
    /** The bundled fake, once started (its process is watched for the CPU budget). */
    private Optional<ManagedProcess> fakeEmbeddings = Optional.empty();

    public Provisioner(SuiteConfig config, Path repoRoot, Path runDir, Resources resources) {
        this.config = config;
        this.repoRoot = repoRoot;
        this.logs = runDir.resolve("logs");
        this.resources = resources;
    }

    public Target provision() throws IOException, InterruptedException {
        TargetSpec spec = config.target();
        if (spec.apiUrl().isPresent()) {
            String url = spec.apiUrl().get();
            System.out.println("target: deployed service at " + url);
            awaitReady(url, null);
            return new Target(url, spec.operatorKey(), spec.tenantKey(), spec.databaseUrl().map(DatabaseUrl::parse),
                    spec.databaseUrl().isPresent() ? "external" : "unknown",
                    spec.openaiBaseUrl().isPresent() ? "external" : "unknown", "deployed", Optional.empty(), Map.of(),
                    Optional.empty(), Optional.empty(), config.serviceRssBudgetBytes());
        }
        Path jar = serviceJar();
        String database = spec.databaseUrl().isPresent() ? "external" : "embedded";
        String dbUrlForService = spec.databaseUrl().orElseGet(this::startEmbeddedPostgres);
        DatabaseUrl db = DatabaseUrl.parse(dbUrlForService);

        Map<String, String> env = new LinkedHashMap<>();
        String embeddings;
        if (spec.openaiBaseUrl().isPresent()) {
            embeddings = "external";
            env.put("OPENAI_BASE_URL", spec.openaiBaseUrl().get());
        } else {
            Optional<String> fake = startFakeEmbeddings();
            embeddings = fake.isPresent() ? "fake" : "none";
            fake.ifPresent(u -> {
                env.put("OPENAI_BASE_URL", u + "/v1"); // the fake serves the OpenAI paths under /v1
                env.put("OPENAI_API_KEY", "sk-fake-load-suite");
            });
        }
        String operatorKey = "rb_admin_" + HexFormat.of().formatHex(new SecureRandom().generateSeed(16));
        int port = FreePort.pick();
        env.put("PORT", Integer.toString(port));
        env.put("HOST", "127.0.0.1"); // the service listens on loopback only
        env.put("DATABASE_URL", dbUrlForService);
        env.put("DATABASE_POOL_SIZE", Integer.toString(config.dbPoolSize()));
        env.put("ADMIN_API_KEY", operatorKey);
        Map<String, String> limits = config.sizeRateLimits() ? sizedRateLimits() : Map.of();
        env.putAll(limits);
        List<String> command = new ArrayList<>(List.of(javaBinary()));
        command.addAll(List.of(config.serviceJvmOptions().trim().split("\\s+")));
        command.addAll(List.of("-jar", jar.toString()));
        ManagedProcess service = resources.add("service",
                ManagedProcess.start("service", command, env, logs.resolve("service.log")));
        String url = "http://127.0.0.1:" + port;
        System.out.println("service: started " + jar.getFileName() + " on " + url + " (" + service + ", log "
                + logs.resolve("service.log") + ")");
        awaitReady(url, service);
        return new Target(url, Optional.of(operatorKey), Optional.empty(), Optional.of(db), database, embeddings,
                "started", HostMemory.limitBytes(), limits, Optional.of(service.pid()),
                fakeEmbeddings.map(ManagedProcess::pid), HostMemory.startedServiceBudget(config.serviceRssBudgetBytes(),
                        MemorySize.maxHeap(config.serviceJvmOptions())));
    }

    /**
     * Rate limits sized to the load under test, for a service the suite starts: the guide's defaults (100 requests
     * a minute per tenant, 20 expensive ones) would answer 429 to nearly all of 100 RPS over a few tenants, and the
     * suite measures capacity, not the limiter. Generous: twice the highest rate overall, four times a tenant's
     * share of it. A limit set in the suite's environment wins; --rate-limits=service keeps the service's own.
     */
    private Map<String, String> sizedRateLimits() {
        double perMinute = config.maxRps() * 60;
        long global = (long) Math.ceil(perMinute * 2);
        long perTenant = (long) Math.ceil(perMinute / config.tenants() * 4);
        Map<String, String> limits = new LinkedHashMap<>();
        limits.put("RATE_LIMIT_WINDOW_MS", "60000");
        limits.put("GLOBAL_RATE_LIMIT", Long.toString(global));
        limits.put("USER_RATE_LIMIT", Long.toString(perTenant));
        limits.put("EXPENSIVE_RATE_LIMIT", Long.toString(perTenant));
        limits.keySet().removeIf(k -> System.getenv(k) != null);
        if (!limits.isEmpty()) {
            System.out.println("service: rate limits sized to the load " + limits
                    + " (--rate-limits=service keeps the service's own)");
        }
        return limits;
    }

    /** Starts PostgreSQL 15 on a free loopback port and returns its URL in the service's postgresql:// form. */
    private String startEmbeddedPostgres() {
        try {
            Files.createDirectories(logs);
            System.out.println("database: starting embedded PostgreSQL 15");
            EmbeddedPostgres pg = EmbeddedPostgres.builder()
                    .setPort(FreePort.pick())
                    .setRegisterShutdownHook(false)
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "300")
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logs.resolve("postgres.log").toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logs.resolve("postgres.log").toFile()))
                    .start();
            resources.add("embedded PostgreSQL", pg);
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
                st.execute("create database recallbricks");
            }
            System.out.println("database: embedded PostgreSQL on 127.0.0.1:" + pg.getPort());
            return "postgresql://postgres:postgres@127.0.0.1:" + pg.getPort() + "/recallbricks";
        } catch (IOException | SQLException e) {
            throw new ProvisioningException("could not start the embedded PostgreSQL: " + e.getMessage(), e);
        }
    }

    /** The bundled fake embedding API, if the chaos module is built; empty means keyword-only. */
    private Optional<String> startFakeEmbeddings() throws IOException, InterruptedException {
        Path jar = repoRoot.resolve("chaos/target/recallbricks-chaos.jar");
        if (!Files.isRegularFile(jar)) {
            System.out.println("embeddings: " + jar + " not built and OPENAI_BASE_URL not set: "
                    + "the service runs without an embedding API (keyword-only)");
            return Optional.empty();
        }
        EmbeddingLatency latency = config.embeddingLatency();
        List<String> command = new ArrayList<>(List.of(javaBinary(), "-Xmx256m", "-jar", jar.toString(),
                "fake-embeddings", "--port", "0"));
        if (!latency.none()) {
            command.addAll(List.of("--latency-median-ms", Integer.toString(latency.medianMs()),
                    "--latency-p99-ms", Integer.toString(latency.p99Ms())));
        }
        ManagedProcess fake = resources.add("fake embedding API", ManagedProcess.start("fake-embeddings",
                command, Map.of(), logs.resolve("fake-embeddings.log")));
        fakeEmbeddings = Optional.of(fake);
        String url = fake.awaitLine(FAKE_LISTENING, Duration.ofSeconds(60));
        System.out.println("embeddings: fake embedding API at " + url + " (" + latency + ")");
        return Optional.of(url);
    }

    private Path serviceJar() throws IOException {
        Path target = repoRoot.resolve("service/target");
        if (Files.isDirectory(target)) {
            try (Stream<Path> files = Files.list(target)) {
                Optional<Path> jar = files.filter(p -> {
                    String n = p.getFileName().toString();
                    return n.startsWith("recallbricks-service-") && n.endsWith(".jar");
                }).findFirst();
                if (jar.isPresent()) return jar.get();
            }
        }
        throw new ProvisioningException("no service jar in " + target + " and API_URL is not set: build it with "
                + "./mvnw -q -DskipTests -pl service -am package, or point the suite at a deployed service "
                + "with API_URL and API_KEY");
    }

    private static void awaitReady(String url, ManagedProcess process) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        URI ready = URI.create(url + "/health/ready");
        Duration timeout = process == null ? DEPLOYED_READY_TIMEOUT : READY_TIMEOUT;
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            if (process != null) process.ensureAlive();
            try {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(ready).timeout(Duration.ofSeconds(3)).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) return;
                last = "HTTP " + r.statusCode();
            } catch (IOException e) {
                last = e.getClass().getSimpleName();
            }
            Thread.sleep(process == null ? 1000 : 250);
        }
        throw new ProvisioningException(url + "/health/ready did not answer 200 within " + timeout.toSeconds()
                + " s (last: " + last + ")" + (process == null ? "" : "; service log:\n" + process.tail(20)));
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
