package io.recallbricks.memory;

import io.recallbricks.auth.Caller;
import io.recallbricks.web.ApiException;
import io.recallbricks.web.StorableText;
import jakarta.inject.Singleton;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/** Turns request bodies into drafts and changes, or explains in a 400 what is wrong with them. */
@Singleton
public class MemoryValidator {

    private final MemorySettings settings;
    private final JsonColumns json;

    public MemoryValidator(MemorySettings settings, JsonColumns json) {
        this.settings = settings;
        this.json = json;
    }

    public MemoryDraft draft(Caller caller, MemoryRequests.Create request) {
        if (request.userId() != null && !request.userId().equals(caller.userId())) {
            throw ApiException.validation("user_id", "user_id must be omitted or be your own user id.");
        }
        return new MemoryDraft(
                text(request.text()),
                label("source", request.source(), "api"),
                label("project_id", request.projectId(), "default"),
                request.tags() == null ? List.of() : tags(request.tags()),
                metadata(withTimestamp(request.metadata(), request.timestamp())));
    }

    /** The SDK's {@code timestamp} as {@code metadata.timestamp} (normalised to UTC), unless metadata has one. */
    private static Map<String, Object> withTimestamp(Map<String, Object> metadata, String timestamp) {
        Map<String, Object> given = metadata == null ? Map.of() : metadata;
        if (timestamp == null || given.containsKey("timestamp")) {
            return given;
        }
        Instant instant;
        try {
            instant = OffsetDateTime.parse(timestamp.trim(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            throw ApiException.validation("timestamp", "timestamp must be an ISO-8601 date-time with an offset, e.g. 2025-01-31T12:00:00Z.");
        }
        Map<String, Object> merged = new LinkedHashMap<>(given);
        merged.put("timestamp", instant.toString());
        return merged;
    }

    public MemoryChanges changes(MemoryRequests.Update request) {
        MemoryChanges changes = new MemoryChanges(
                request.text() == null ? null : text(request.text()),
                request.source() == null ? null : label("source", request.source(), null),
                request.projectId() == null ? null : label("project_id", request.projectId(), null),
                request.tags() == null ? null : tags(request.tags()),
                request.metadata() == null ? null : metadata(request.metadata()));
        if (changes.isEmpty()) {
            throw ApiException.validation("body", "Send at least one of text, source, project_id, tags, metadata.");
        }
        return changes;
    }

    /** Tag filters of a listing: the same rules as stored tags. */
    public List<String> tagFilter(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        List<String> tags = new ArrayList<>();
        for (String tag : commaSeparated.split(",")) {
            if (!tag.isBlank()) {
                tags.add(tag.trim());
            }
        }
        return tags(tags);
    }

    private String text(String text) {
        if (text == null || text.isBlank()) {
            throw ApiException.validation("text", "text is required and must not be empty.");
        }
        if (text.length() > settings.maxTextLength()) {
            throw ApiException.validation("text", "text must be at most " + settings.maxTextLength()
                    + " characters (got " + text.length() + ").");
        }
        return text;
    }

    private static String label(String field, String value, String fallback) {
        if (value == null) {
            return fallback;
        }
        String trimmed = value.trim();
        if (trimmed.isEmpty() || trimmed.length() > MemorySettings.MAX_LABEL_LENGTH) {
            throw ApiException.validation(field, field + " must be 1 to " + MemorySettings.MAX_LABEL_LENGTH + " characters.");
        }
        return trimmed;
    }

    private static List<String> tags(List<String> tags) {
        if (tags.size() > MemorySettings.MAX_TAGS) {
            throw ApiException.validation("tags", "At most " + MemorySettings.MAX_TAGS + " tags (got " + tags.size() + ").");
        }
        LinkedHashSet<String> unique = new LinkedHashSet<>();
        for (String tag : tags) {
            if (tag == null || tag.isBlank() || tag.trim().length() > MemorySettings.MAX_TAG_LENGTH) {
                throw ApiException.validation("tags", "Each tag must be 1 to " + MemorySettings.MAX_TAG_LENGTH + " characters.");
            }
            unique.add(tag.trim());
        }
        return List.copyOf(unique);
    }

    private Map<String, Object> metadata(Map<String, Object> metadata) {
        StorableText.checkTree("metadata", metadata);
        int size = json.write(metadata).getBytes(StandardCharsets.UTF_8).length;
        if (size > MemorySettings.MAX_METADATA_BYTES) {
            throw ApiException.validation("metadata", "metadata must be at most " + MemorySettings.MAX_METADATA_BYTES
                    + " bytes of JSON (got " + size + ").");
        }
        return metadata;
    }
}
