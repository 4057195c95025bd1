package io.recallbricks.embedding;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Bean;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.recallbricks.embedding.EmbeddingUnavailableException.Reason;
import io.recallbricks.resilience.Breakers;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One call to an OpenAI-compatible {@code POST /embeddings}: every HTTP attempt goes through the shared
 * {@code openai} circuit breaker, with a timeout; 429, 5xx, timeouts and connection errors are retried with
 * backoff (Retry-After honoured) while the caller's {@link CallBudget} lasts. Vectors of the wrong size are refused
 * with a message naming both sizes, never stored.
 *
 * <p>Metrics: {@code embedding.requests{outcome}} per HTTP attempt (and per call refused by the breaker) and the
 * {@code embedding.request.duration} timer.
 */
@Singleton
@Bean(typed = EmbeddingClient.class)
public class EmbeddingClient implements EmbeddingProvider {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddingClient.class);

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record EmbeddingRequest(String model, List<String> input, @Nullable Integer dimensions,
                            @JsonProperty("encoding_format") String encodingFormat) {
    }

    @Serdeable
    record EmbeddingResponse(@Nullable List<Item> data) {
    }

    @Serdeable
    record Item(@Nullable float[] embedding, @Nullable Integer index) {
    }

    private final EmbeddingSettings settings;
    private final CircuitBreaker breaker;
    private final JsonMapper json;
    private final Backoff backoff;
    private final ExecutorService httpExecutor;
    private final HttpClient http;
    private final Timer duration;
    private final Map<Reason, Counter> failures = new EnumMap<>(Reason.class);
    private final Counter successes;
    private final Counter retries;

    public EmbeddingClient(EmbeddingSettings settings, Breakers breakers, JsonMapper json, MeterRegistry meters) {
        this.settings = settings;
        this.breaker = breakers.openai();
        this.json = json;
        this.backoff = new Backoff(settings.retryBaseDelayMs());
        this.httpExecutor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "embedding-http");
            thread.setDaemon(true);
            return thread;
        });
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(settings.connectTimeoutMs()))
                .executor(httpExecutor)
                .build();
        this.duration = Timer.builder("embedding.request.duration")
                .description("Time of one HTTP request to the embedding API")
                .publishPercentileHistogram()
                .register(meters);
        this.successes = outcome(meters, "success");
        for (Reason reason : Reason.values()) {
            failures.put(reason, outcome(meters, reason.tag()));
        }
        this.retries = Counter.builder("embedding.retries").description("Embedding requests retried").register(meters);
    }

    private static Counter outcome(MeterRegistry meters, String outcome) {
        return Counter.builder("embedding.requests").description("Embedding API requests by outcome")
                .tag("outcome", outcome).register(meters);
    }

    @Override
    public String name() {
        return "openai";
    }

    @Override
    public boolean enabled() {
        return true;
    }

    @Override
    public String model() {
        return settings.model();
    }

    @Override
    public int dimensions() {
        return settings.dimensions();
    }

    /** {@code ok}, or the 'openai' breaker's state ({@code open}, {@code half_open}). */
    @Override
    public String status() {
        return switch (breaker.getState()) {
            case CLOSED, DISABLED -> "ok";
            default -> breaker.getState().name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** Vectors for {@code texts}, in order; at most {@code batch-size} texts (the caller batches). */
    @Override
    public List<float[]> embed(List<String> texts, CallBudget budget) throws EmbeddingUnavailableException {
        if (!settings.enabled()) {
            throw new EmbeddingUnavailableException(Reason.DISABLED, "no embedding API is configured");
        }
        byte[] body = requestBody(texts);
        long deadline = System.nanoTime() + budget.total().toNanos();
        EmbeddingUnavailableException last = null;
        for (int attempt = 1; attempt <= budget.maxAttempts(); attempt++) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                break;
            }
            Attempt result = attempt(body, texts.size(), Duration.ofNanos(Math.min(remaining,
                    TimeUnit.MILLISECONDS.toNanos(settings.requestTimeoutMs()))));
            if (result.vectors() != null) {
                return result.vectors();
            }
            last = result.failure();
            if (!retryable(last.reason()) || attempt == budget.maxAttempts()) {
                throw last;
            }
            Duration wait = result.retryAfter() != null ? result.retryAfter() : backoff.delay(attempt);
            if (System.nanoTime() + wait.toNanos() >= deadline) {
                throw last;
            }
            retries.increment();
            sleep(wait);
        }
        throw last != null ? last : new EmbeddingUnavailableException(Reason.TIMEOUT, "no time left to call the embedding API");
    }

    private static boolean retryable(Reason reason) {
        return reason == Reason.TIMEOUT || reason == Reason.RATE_LIMITED || reason == Reason.SERVER_ERROR
                || reason == Reason.CONNECTION_ERROR;
    }

    /** One HTTP exchange: vectors, or why not (and a server-requested wait). */
    private record Attempt(List<float[]> vectors, EmbeddingUnavailableException failure, Duration retryAfter) {
        static Attempt failed(Reason reason, String message) {
            return new Attempt(null, new EmbeddingUnavailableException(reason, message), null);
        }
    }

    private Attempt attempt(byte[] body, int expected, Duration timeout) {
        if (!breaker.tryAcquirePermission()) {
            failures.get(Reason.BREAKER_OPEN).increment();
            return Attempt.failed(Reason.BREAKER_OPEN, "the 'openai' circuit breaker is open");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(settings.endpoint()))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (settings.apiKey() != null && !settings.apiKey().isBlank()) {
            request.header("Authorization", "Bearer " + settings.apiKey());
        }
        long start = System.nanoTime();
        CompletableFuture<HttpResponse<byte[]>> future = http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        Attempt result;
        try {
            // The request timeout only covers the headers; waiting on the future bounds the body too.
            HttpResponse<byte[]> response = future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            result = interpret(response, expected);
        } catch (TimeoutException e) {
            future.cancel(true);
            result = Attempt.failed(Reason.TIMEOUT, "no answer from the embedding API within " + timeout.toMillis() + " ms");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            result = cause instanceof java.net.http.HttpTimeoutException
                    ? Attempt.failed(Reason.TIMEOUT, "no answer from the embedding API within " + timeout.toMillis() + " ms")
                    : Attempt.failed(Reason.CONNECTION_ERROR, "embedding API connection failed: " + cause);
        } catch (InterruptedException e) {
            future.cancel(true);
            breaker.releasePermission();
            Thread.currentThread().interrupt();
            return Attempt.failed(Reason.TIMEOUT, "interrupted while waiting for the embedding API");
        }
        long elapsed = System.nanoTime() - start;
        duration.record(elapsed, TimeUnit.NANOSECONDS);
        if (result.vectors() != null) {
            successes.increment();
            breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
        } else {
            failures.get(result.failure().reason()).increment();
            if (result.failure().reason() == Reason.REJECTED) {
                // The API is up and refused this one request (e.g. a text too long): not a reason to open the breaker.
                breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
            } else {
                breaker.onError(elapsed, TimeUnit.NANOSECONDS, result.failure());
            }
            LOG.debug("Embedding request failed: {}", result.failure().getMessage());
        }
        return result;
    }

    private Attempt interpret(HttpResponse<byte[]> response, int expected) {
        int status = response.statusCode();
        if (status == 429) {
            Duration wait = Backoff.retryAfter(response.headers().firstValue("Retry-After").orElse(null), Instant.now());
            return new Attempt(null, new EmbeddingUnavailableException(Reason.RATE_LIMITED,
                    "the embedding API is rate limiting (429)"), wait);
        }
        if (status >= 500) {
            Duration wait = Backoff.retryAfter(response.headers().firstValue("Retry-After").orElse(null), Instant.now());
            return new Attempt(null, new EmbeddingUnavailableException(Reason.SERVER_ERROR,
                    "the embedding API answered " + status), wait);
        }
        if (status == 401 || status == 403) {
            return Attempt.failed(Reason.BAD_RESPONSE, "the embedding API refused the credentials (" + status
                    + "): check OPENAI_API_KEY");
        }
        if (status != 200) {
            return Attempt.failed(Reason.REJECTED, "the embedding API refused the request (" + status + ")");
        }
        try {
            return new Attempt(vectors(json.readValue(response.body(), EmbeddingResponse.class), expected), null, null);
        } catch (EmbeddingUnavailableException e) {
            LOG.error("{}", e.getMessage());
            return new Attempt(null, e, null);
        } catch (IOException | RuntimeException e) {
            return Attempt.failed(Reason.BAD_RESPONSE, "unreadable embedding API response: " + e.getMessage());
        }
    }

    private List<float[]> vectors(EmbeddingResponse response, int expected) throws EmbeddingUnavailableException {
        if (response.data() == null || response.data().size() != expected) {
            throw new EmbeddingUnavailableException(Reason.BAD_RESPONSE, "the embedding API returned "
                    + (response.data() == null ? 0 : response.data().size()) + " vectors for " + expected + " texts");
        }
        float[][] ordered = new float[expected][];
        for (int i = 0; i < expected; i++) {
            Item item = response.data().get(i);
            int position = item.index() == null ? i : item.index();
            if (item.embedding() == null || position < 0 || position >= expected) {
                throw new EmbeddingUnavailableException(Reason.BAD_RESPONSE, "the embedding API returned a malformed item");
            }
            if (item.embedding().length != settings.dimensions()) {
                throw new EmbeddingUnavailableException(Reason.BAD_RESPONSE, "the embedding API returned vectors of "
                        + item.embedding().length + " dimensions for model '" + settings.model() + "', but "
                        + "OPENAI_EMBEDDING_DIMENSIONS is " + settings.dimensions() + "; fix one of them");
            }
            ordered[position] = item.embedding();
        }
        List<float[]> vectors = new ArrayList<>(expected);
        for (float[] vector : ordered) {
            if (vector == null) {
                throw new EmbeddingUnavailableException(Reason.BAD_RESPONSE, "the embedding API skipped an index");
            }
            vectors.add(vector);
        }
        return vectors;
    }

    private byte[] requestBody(List<String> texts) {
        try {
            return json.writeValueAsBytes(new EmbeddingRequest(settings.model(), texts,
                    settings.sendsDimensions() ? settings.dimensions() : null, "float"));
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode an embedding request", e);
        }
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @PreDestroy
    void close() {
        httpExecutor.shutdownNow();
    }
}
