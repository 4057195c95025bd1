package io.recallbricks.perf.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Samples the service during each phase: /metrics every few seconds, plus pg_stat_activity when the database is
 * known, one JSON line per sample in server-samples.jsonl. A scrape that fails is reported once per phase and
 * leaves no line; the load goes on.
 */
public final class ServerSampler implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final URI metricsUri;
    private final Optional<PgActivity> pg;
    private final Optional<Long> memoryLimit;
    private final Duration interval;
    private final BufferedWriter out;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "server-sampler");
        t.setDaemon(true);
        return t;
    });
    private ScheduledFuture<?> task;
    private PrometheusText previous;
    private String phase;
    private boolean warned;
    private Map<String, Object> last;
    private long peakRss;

    /** The service's resident memory budget, written into every sample (the memory row judges RSS against it). */
    private final Optional<Long> rssBudget;
    private final Path firstScrapeFile;
    private String firstBody;

    public ServerSampler(String serviceUrl, Optional<PgActivity> pg, Optional<Long> memoryLimit, Optional<Long> rssBudget,
                         Duration interval, Path samplesFile) {
        this.rssBudget = rssBudget;
        this.firstScrapeFile = samplesFile.toAbsolutePath().getParent().resolve("logs").resolve("metrics-first-scrape.prom");
        this.metricsUri = URI.create(serviceUrl + "/metrics");
        this.pg = pg;
        this.memoryLimit = memoryLimit;
        this.interval = interval;
        try {
            this.out = Files.newBufferedWriter(samplesFile, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + samplesFile, e);
        }
    }

    public synchronized void startPhase(String name) {
        if (timer.isShutdown()) return; // closed by Ctrl-C while Gatling was starting the phase
        stopPhase();
        phase = name;
        warned = false;
        task = timer.scheduleAtFixedRate(this::sampleQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    public synchronized void stopPhase() {
        if (task != null) {
            task.cancel(false);
            task = null;
            sampleQuietly(); // one sample at the phase's end, so short phases get at least two
        }
    }

    /** The highest resident memory of the service sampled so far, if the service exports it. */
    public synchronized Optional<Long> peakRssBytes() {
        return peakRss == 0 ? Optional.empty() : Optional.of(peakRss);
    }

    /** The newest sample written, for the console. */
    public synchronized Optional<Map<String, Object>> last() {
        return Optional.ofNullable(last);
    }

    private synchronized void sampleQuietly() {
        try {
            sample();
        } catch (RuntimeException | IOException e) {
            warnOnce("server sampling failed: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The first /metrics answer as it was, in logs/: which metrics the service exports, for whoever reads the run. */
    private void keepFirstScrape() {
        try {
            Files.createDirectories(firstScrapeFile.getParent());
            Files.writeString(firstScrapeFile, firstBody == null ? "" : firstBody);
        } catch (IOException e) {
            warnOnce("cannot write " + firstScrapeFile + ": " + e.getMessage());
        }
    }

    private void sample() throws IOException, InterruptedException {
        Instant t = Instant.now();
        PrometheusText metrics = scrape();
        Optional<Integer> pgCount = pg.flatMap(PgActivity::clientConnections);
        if (metrics == null && pgCount.isEmpty()) return;
        Map<String, Object> line = ServerSample.of(t, phase, metrics == null ? PrometheusText.parse("") : metrics,
                previous, memoryLimit, pgCount);
        if (metrics != null && previous == null) keepFirstScrape();
        if (metrics != null) previous = metrics;
        rssBudget.ifPresent(b -> line.put("rssBudgetBytes", b));
        out.write(JSON.writeValueAsString(line));
        out.newLine();
        out.flush();
        last = line;
        if (line.get("rssBytes") instanceof Long rss) peakRss = Math.max(peakRss, rss);
    }

    private PrometheusText scrape() throws IOException, InterruptedException {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(metricsUri).timeout(Duration.ofSeconds(3))
                    // What Prometheus itself sends (a bare text/plain is refused with 406 by some exporters)
                    .header("Accept", "text/plain;version=0.0.4;q=1,*/*;q=0.1").GET().build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                warnOnce("GET /metrics answered " + r.statusCode() + ": server samples carry no service metrics");
                return null;
            }
            if (firstBody == null) firstBody = r.body();
            return PrometheusText.parse(r.body());
        } catch (IOException e) {
            warnOnce("GET /metrics failed (" + e.getMessage() + ")");
            return null;
        } catch (IllegalArgumentException e) {
            warnOnce("GET /metrics is not Prometheus text: " + e.getMessage());
            return null;
        }
    }

    private void warnOnce(String message) {
        if (!warned) {
            warned = true;
            System.out.println("  [sampler] " + message);
        }
    }

    @Override
    public synchronized void close() {
        stopPhase();
        timer.shutdownNow();
        pg.ifPresent(PgActivity::close);
        try {
            out.close();
        } catch (IOException ignored) {
            // the samples already written stay
        }
    }
}
