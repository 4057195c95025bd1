package io.recallbricks.bench.http;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import io.recallbricks.config.EnvironmentConfig;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The framework's floor under our handlers: one small request ({@code GET /health}, liveness) through the whole
 * service in process, over loopback HTTP/1.1 with keep-alive: Netty, Micronaut's routing, our request-id and
 * metrics filters (the metrics filter records the duration histogram and status counter of every request), the
 * controller and JSON serialisation of a small map. The route does not touch the database; the service still
 * needs one to start (it migrates at startup), so an embedded PostgreSQL is started for the trial. The score
 * includes the JDK HTTP client's own cost on the same two cores. No in-run reference: reported, not gated.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class HttpStackBenchmark {

    private EmbeddedPostgres postgres;
    private ApplicationContext service;
    private HttpClient client;
    private HttpRequest health;

    @Setup(Level.Trial)
    public void setUp() throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        Map<String, String> env = new HashMap<>();
        env.put("DATABASE_URL", postgres.getJdbcUrl("postgres", "postgres"));
        env.put("HOST", "127.0.0.1");
        Map<String, Object> properties = new HashMap<>(EnvironmentConfig.properties(env));
        properties.put("micronaut.server.port", -1);
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, properties);
        service = server.getApplicationContext();
        client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
        health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.getPort() + "/health"))
                .timeout(Duration.ofSeconds(5)).GET().build();
    }

    @TearDown(Level.Trial)
    public void tearDown() throws IOException {
        if (service != null) {
            service.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Benchmark
    public byte[] healthRoundTrip() throws IOException, InterruptedException {
        HttpResponse<byte[]> response = client.send(health, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET /health answered " + response.statusCode());
        }
        return response.body();
    }
}
