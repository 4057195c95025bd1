package io.recallbricks.compat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.recallbricks.testing.Api;
import io.recallbricks.testing.Api.Response;
import io.recallbricks.testing.TestService;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** {@code POST /memories/learn} with {@code LEARN_CHAT_MODEL} set: the model improves the metadata, never breaks it. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ModelLearnTest implements TestPropertyProvider {

    static final String TEXT = "We decided to move billing to PostgreSQL before March. Alice Smith owns it.";

    final FakeChatApi fake = FakeChatApi.start();

    @Inject
    @Client("/")
    HttpClient http;

    Api api;
    Api.Tenant tenant;

    @Override
    public Map<String, String> getProperties() {
        return TestService.properties(Map.of("EMBEDDING_PROVIDER", "openai", "OPENAI_BASE_URL", fake.baseUrl(), "OPENAI_EMBEDDING_MODEL", "fake-embedding",
                "OPENAI_EMBEDDING_DIMENSIONS", Integer.toString(FakeChatApi.DIMENSIONS), "LEARN_CHAT_MODEL", "test-chat-model"));
    }

    @BeforeAll
    void setUp() {
        api = new Api(http);
        tenant = api.newTenant("model-learn");
    }

    @AfterAll
    void stopFake() {
        fake.close();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> learn(Map<String, Object> body) {
        Response learned = api.send(HttpRequest.POST("/api/v1/memories/learn", body), tenant.apiKey());
        assertEquals(201, learned.status(), learned.body().toString());
        return (Map<String, Object>) learned.body().get("metadata");
    }

    @Test
    void theModelsAnswerIsTheMetadata() {
        fake.answer(200, "{\"tags\": [\"Billing\", \"migration\"], \"category\": \"decision\", \"entities\": [\"Alice Smith\"], "
                + "\"importance\": 0.93, \"summary\": \"Billing moves to PostgreSQL by March.\"}");

        Map<String, Object> metadata = learn(Map.of("text", TEXT));

        assertEquals(List.of("billing", "migration"), metadata.get("tags"));
        assertEquals("decision", metadata.get("category"));
        assertEquals(List.of("Alice Smith"), metadata.get("entities"));
        assertEquals(0.93, metadata.get("importance"));
        assertEquals("Billing moves to PostgreSQL by March.", metadata.get("summary"));
        assertEquals("model:test-chat-model", metadata.get("extracted_by"));
        Map<String, Object> sent = fake.lastChatRequest();
        assertEquals("test-chat-model", sent.get("model"));
        assertEquals(Map.of("type", "json_object"), sent.get("response_format"));
        assertEquals(TEXT, ((Map<?, ?>) ((List<?>) sent.get("messages")).get(1)).get("content"));
    }

    @Test
    void fieldsTheModelGotWrongKeepTheLocalValuesAndTheCallerStillWins() {
        fake.answer(200, "{\"tags\": \"billing\", \"category\": \"decision\", \"importance\": 7, \"summary\": \"\"}");

        Map<String, Object> metadata = learn(Map.of("text", TEXT, "metadata", Map.of("category", "finance")));

        assertEquals("finance", metadata.get("category"), "the caller's category overrides the model's");
        List<?> tags = (List<?>) metadata.get("tags");
        assertEquals(true, tags.contains("billing") && tags.contains("postgresql"), "local tags: " + tags);
        assertEquals("We decided to move billing to PostgreSQL before March.", metadata.get("summary"));
        assertEquals("model:test-chat-model", metadata.get("extracted_by"));
    }

    @Test
    void aFailingModelLeavesTheLocalMetadata() {
        fake.answer(500, "");

        Map<String, Object> metadata = learn(Map.of("text", TEXT));

        assertEquals("local", metadata.get("extracted_by"));
        assertEquals("decision", metadata.get("category"));
    }

    @Test
    void anAnswerThatIsNotJsonLeavesTheLocalMetadata() {
        fake.answer(200, "Sure! Here are some tags: billing, migration");

        assertEquals("local", learn(Map.of("text", TEXT)).get("extracted_by"));
    }
}
