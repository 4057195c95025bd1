package io.recallbricks.chaos.experiment.ledger;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A memory as the service lists it afterwards (the fields the ledger compares). */
public record StoredMemory(String id, String source, String text, List<String> tags, Map<String, String> metadata,
                           boolean hasEmbedding) {

    public static StoredMemory of(JsonNode memory) {
        List<String> tags = new ArrayList<>();
        memory.path("tags").forEach(t -> tags.add(t.asText()));
        Map<String, String> metadata = new LinkedHashMap<>();
        memory.path("metadata").fields().forEachRemaining(e -> metadata.put(e.getKey(), e.getValue().asText()));
        return new StoredMemory(memory.path("id").asText(), memory.path("source").asText(null),
                memory.path("text").asText(null), tags, metadata, memory.path("has_embedding").asBoolean(false));
    }

    public String writeId() {
        return metadata.get(Write.WRITE_ID_KEY);
    }
}
