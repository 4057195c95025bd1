package io.recallbricks.chaos.experiment.observe;

import com.fasterxml.jackson.databind.JsonNode;
import io.recallbricks.chaos.experiment.stack.ServiceClient;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** Samples {@code /metrics} and {@code /health} every {@value #PERIOD_MS} ms for the whole experiment. */
public final class ServiceWatch implements AutoCloseable {

    static final long PERIOD_MS = 200;
    public static final List<String> BREAKERS = List.of("database", "openai");

    private final ServiceClient client;
    private final List<ServiceSample> samples = new CopyOnWriteArrayList<>();
    private volatile String lastMetricsError;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "chaos-watch");
        t.setDaemon(true);
        return t;
    });

    public ServiceWatch(ServiceClient client) {
        this.client = client;
    }

    public void start() {
        timer.scheduleWithFixedDelay(() -> {
            ServiceSample sample = sample();
            if (!Thread.currentThread().isInterrupted()) { // a sample cut short by close() says nothing
                samples.add(sample);
            }
        }, 0, PERIOD_MS, TimeUnit.MILLISECONDS);
    }

    public List<ServiceSample> samples() {
        return new ArrayList<>(samples);
    }

    /** The newest sample, or null before the first. */
    public ServiceSample latest() {
        return samples.isEmpty() ? null : samples.get(samples.size() - 1);
    }

    ServiceSample sample() {
        long t = System.currentTimeMillis();
        Map<String, String> fromMetrics = null;
        Double threads = null, heapUsed = null, heapMax = null;
        boolean answered = false;
        try {
            List<PrometheusText.Series> series = PrometheusText.parse(client.metricsText());
            answered = true;
            fromMetrics = new LinkedHashMap<>();
            for (String breaker : BREAKERS) {
                OptionalDouble v = PrometheusText.sum(series, "circuit_breaker_state", Map.of("breaker_name", breaker));
                if (v.isPresent()) {
                    fromMetrics.put(breaker, ServiceSample.stateName(v.getAsDouble()));
                }
            }
            threads = value(PrometheusText.sum(series, "jvm_threads_live_threads", Map.of()));
            heapUsed = value(PrometheusText.sum(series, "jvm_memory_used_bytes", Map.of("area", "heap")));
            heapMax = value(PrometheusText.sum(series, "jvm_memory_max_bytes", Map.of("area", "heap")));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            lastMetricsError = e.toString(); // no answer from /metrics: recorded as nulls
        }
        Map<String, String> fromHealth = null;
        try {
            JsonNode breakers = client.health().path("circuit_breakers");
            answered = true;
            fromHealth = new LinkedHashMap<>();
            for (String breaker : BREAKERS) {
                JsonNode state = breakers.path(breaker).path("state");
                if (!state.isMissingNode()) {
                    fromHealth.put(breaker, state.asText());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            // no answer from /health: recorded as null
        }
        return new ServiceSample(t, answered, fromMetrics, fromHealth, threads, heapUsed, heapMax);
    }

    /** Why the last read of /metrics failed, or null. */
    public String lastMetricsError() {
        return lastMetricsError;
    }

    private static Double value(OptionalDouble v) {
        return v.isPresent() ? v.getAsDouble() : null;
    }

    /** Stops sampling; a sample under way is finished first (at most the probes' 3 s timeouts). */
    @Override
    public void close() {
        timer.shutdown();
        try {
            if (!timer.awaitTermination(7, TimeUnit.SECONDS)) {
                timer.shutdownNow();
            }
        } catch (InterruptedException e) {
            timer.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
