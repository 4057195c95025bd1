package io.recallbricks.compat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.recallbricks.embedding.EmbeddingSettings;
import io.recallbricks.resilience.Breakers;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Asks an OpenAI-compatible {@code POST /chat/completions} for a memory's metadata, when {@code LEARN_CHAT_MODEL}
 * names a model. It uses the embedding API's address and key ({@code OPENAI_BASE_URL}, {@code OPENAI_API_KEY}), its
 * connect timeout and its write budget ({@code OPENAI_WRITE_TIMEOUT_MS}) for the whole call, and the shared
 * {@code openai} circuit breaker: while the breaker is open the model is not asked. One attempt, no retry (the local
 * extraction is a good answer, and the caller is waiting). Any failure, or an answer that is not the JSON asked
 * for, is empty: {@link LearnService} then keeps the local metadata.
 */
@Singleton
public class ChatMetadataClient {

    private static final Logger LOG = LoggerFactory.getLogger(ChatMetadataClient.class);
    private static final String OPENAI_BASE_URL = "https://api.openai.com/v1";

    static final String INSTRUCTIONS = "You label notes for an AI agent's long-term memory. Answer with one JSON object "
            + "and nothing else: {\"tags\": [up to 5 short lowercase topic words], \"category\": one of \"decision\", "
            + "\"preference\", \"task\", \"issue\", \"technical\", \"meeting\", \"personal\", \"general\", "
            + "\"entities\": [names of people, organisations, products, places, addresses, as written], "
            + "\"importance\": a number from 0 to 1, \"summary\": one sentence of at most 200 characters}.";

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ChatRequest(String model, List<Message> messages, double temperature,
                       @JsonProperty("response_format") Map<String, String> responseFormat) {
    }

    @Serdeable
    record Message(String role, String content) {
    }

    @Serdeable
    record ChatResponse(@Nullable List<Choice> choices) {
    }

    @Serdeable
    record Choice(@Nullable Message message) {
    }

    private final EmbeddingSettings api;
    private final LearnSettings settings;
    private final CircuitBreaker breaker;
    private final JsonMapper json;
    private final HttpClient http;

    public ChatMetadataClient(EmbeddingSettings api, LearnSettings settings, Breakers breakers, JsonMapper json) {
        this.api = api;
        this.settings = settings;
        this.breaker = breakers.openai();
        this.json = json;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofMillis(api.connectTimeoutMs()))
                .build();
    }

    public Optional<Map<String, Object>> metadata(String text) {
        if (!settings.usesModel() || !api.enabled() || !breaker.tryAcquirePermission()) {
            return Optional.empty();
        }
        long start = System.nanoTime();
        try {
            HttpResponse<byte[]> response = http.send(request(text), HttpResponse.BodyHandlers.ofByteArray());
            long elapsed = System.nanoTime() - start;
            int status = response.statusCode();
            if (status == 429 || status >= 500) {
                breaker.onError(elapsed, TimeUnit.NANOSECONDS, new IOException("chat API answered " + status));
                LOG.warn("Chat model for learned metadata answered {}; using local metadata", status);
                return Optional.empty();
            }
            // The API is up: a 4xx or an answer we cannot use is not a reason to open the breaker.
            breaker.onSuccess(elapsed, TimeUnit.NANOSECONDS);
            return status / 100 == 2 ? content(response.body()) : Optional.empty();
        } catch (IOException e) {
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, e);
            LOG.warn("Chat model for learned metadata unreachable ({}); using local metadata", e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            breaker.releasePermission();
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    private HttpRequest request(String text) throws IOException {
        ChatRequest chat = new ChatRequest(settings.chatModel(),
                List.of(new Message("system", INSTRUCTIONS), new Message("user", text)), 0.0,
                Map.of("type", "json_object"));
        String base = api.baseUrl() == null || api.baseUrl().isBlank() ? OPENAI_BASE_URL : api.baseUrl();
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/chat/completions"))
                .timeout(Duration.ofMillis(api.writeTimeoutMs()))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(chat)));
        if (api.apiKey() != null && !api.apiKey().isBlank()) {
            request.header("Authorization", "Bearer " + api.apiKey());
        }
        return request.build();
    }

    private Optional<Map<String, Object>> content(byte[] body) {
        try {
            ChatResponse response = json.readValue(body, ChatResponse.class);
            if (response.choices() == null || response.choices().isEmpty() || response.choices().get(0).message() == null) {
                return Optional.empty();
            }
            String content = response.choices().get(0).message().content();
            return Optional.of(json.readValue(content, Argument.mapOf(String.class, Object.class)));
        } catch (IOException | RuntimeException e) {
            LOG.warn("Chat model answered something other than the metadata JSON; using local metadata");
            return Optional.empty();
        }
    }
}
