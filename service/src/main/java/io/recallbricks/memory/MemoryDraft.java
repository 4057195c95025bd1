package io.recallbricks.memory;

import java.util.List;
import java.util.Map;

/** A validated new memory, before it has an id. */
public record MemoryDraft(String text, String source, String projectId, List<String> tags, Map<String, Object> metadata) {
}
