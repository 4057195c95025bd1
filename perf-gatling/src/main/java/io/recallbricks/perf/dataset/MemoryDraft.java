package io.recallbricks.perf.dataset;

import java.util.List;
import java.util.Map;

/** The body of a {@code POST /api/v1/memories}. */
public record MemoryDraft(String text, List<String> tags, String projectId, String source) {

    public Map<String, Object> body() {
        return Map.of("text", text, "tags", tags, "project_id", projectId, "source", source,
                "metadata", Map.of("generator", "recallbricks-load-suite"));
    }
}
