package io.recallbricks.compat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What {@code POST /memories/learn} works out about a text: tags, category, entities, importance and summary. */
public record LearnedMetadata(List<String> tags, String category, List<String> entities, double importance,
                              String summary, String extractedBy) {

    /** The metadata keys the SDKs read ({@code metadata.tags}, {@code .category}, ...), plus how they were made. */
    public Map<String, Object> asMetadata() {
        Map<String, Object> metadata = new LinkedHashMap<>();
        metadata.put("tags", tags);
        metadata.put("category", category);
        metadata.put("entities", entities);
        metadata.put("importance", importance);
        metadata.put("summary", summary);
        metadata.put("extracted_by", extractedBy);
        return metadata;
    }
}
