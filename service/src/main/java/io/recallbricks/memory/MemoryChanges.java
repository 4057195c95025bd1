package io.recallbricks.memory;

import java.util.List;
import java.util.Map;

/**
 * A validated partial update; a null field is left as it is. Metadata is merged key by key into what is stored,
 * so the fields written at creation survive an update that sets others.
 */
public record MemoryChanges(String text, String source, String projectId, List<String> tags,
                            Map<String, Object> metadataPatch) {

    public boolean isEmpty() {
        return text == null && source == null && projectId == null && tags == null && metadataPatch == null;
    }
}
