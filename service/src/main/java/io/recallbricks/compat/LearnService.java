package io.recallbricks.compat;

import io.recallbricks.auth.Caller;
import io.recallbricks.memory.IdempotentCreation;
import io.recallbricks.memory.MemoryRequests;
import io.recallbricks.memory.MemoryValidator;
import io.recallbricks.web.ApiException;
import io.recallbricks.web.StorableText;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v1/memories/learn}: stores a memory with automatic metadata. The metadata is computed locally
 * ({@link LocalMetadataExtractor}), and improved by a chat model when {@code LEARN_CHAT_MODEL} is set
 * ({@link ChatMetadataClient}; {@code extracted_by} says which); the caller's {@code metadata.tags} and {@code metadata.category} override what
 * was computed, and the rest of the caller's metadata is kept. The memory's {@code tags} are the final tags, so
 * learned memories are found by the usual tag filters. Creation (validation, embedding, {@code Idempotency-Key})
 * is the memory service's.
 */
@Singleton
public class LearnService {

    static final String DEFAULT_SOURCE = "api";

    private final LocalMetadataExtractor extractor;
    private final ChatMetadataClient model;
    private final LearnSettings settings;
    private final MemoryValidator validator;
    private final IdempotentCreation creation;

    public LearnService(LocalMetadataExtractor extractor, ChatMetadataClient model, LearnSettings settings,
                        MemoryValidator validator, IdempotentCreation creation) {
        this.extractor = extractor;
        this.model = model;
        this.settings = settings;
        this.validator = validator;
        this.creation = creation;
    }

    public IdempotentCreation.Created learn(Caller caller, SdkRequests.Learn request, String idempotencyKey) {
        CallerChecks.ownUserId(caller, request.userId());
        // Validate the text before working on it (the validator checks it again, with everything else).
        validator.draft(caller, new MemoryRequests.Create(request.text(), request.source(), request.projectId(),
                null, null, null, null, null));
        Map<String, Object> given = request.metadata() == null ? Map.of() : request.metadata();
        StorableText.checkTree("metadata", given); // before the chat model sees any of it
        LearnedMetadata local = extractor.extract(request.text());
        LearnedMetadata learned = model.metadata(request.text())
                .map(answer -> ModelMetadata.refine(local, answer, settings.chatModel()))
                .orElse(local);
        List<String> tags = overrideTags(given.get("tags"), request.tags(), learned.tags());
        String category = overrideCategory(given.get("category"), learned.category());
        LearnedMetadata result = new LearnedMetadata(tags, category, learned.entities(), learned.importance(),
                learned.summary(), learned.extractedBy());
        Map<String, Object> metadata = new LinkedHashMap<>(given);
        metadata.putAll(result.asMetadata());
        return creation.create(caller, validator.draft(caller, new MemoryRequests.Create(request.text(),
                request.source() == null ? DEFAULT_SOURCE : request.source(), request.projectId(), tags, metadata,
                null, null, null)), idempotencyKey);
    }

    private static List<String> overrideTags(Object fromMetadata, List<String> fromBody, List<String> computed) {
        if (fromMetadata == null) {
            return fromBody != null ? fromBody : computed;
        }
        if (!(fromMetadata instanceof List<?> list) || !list.stream().allMatch(String.class::isInstance)) {
            throw ApiException.validation("metadata.tags", "metadata.tags must be a list of strings.");
        }
        List<String> tags = new ArrayList<>();
        list.forEach(tag -> tags.add((String) tag));
        return tags;
    }

    private static String overrideCategory(Object fromMetadata, String computed) {
        if (fromMetadata == null) {
            return computed;
        }
        if (!(fromMetadata instanceof String category) || category.isBlank() || category.length() > 100) {
            throw ApiException.validation("metadata.category", "metadata.category must be a string of 1 to 100 characters.");
        }
        return category.trim();
    }
}
