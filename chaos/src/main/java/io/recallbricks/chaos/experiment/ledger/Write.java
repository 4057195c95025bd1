package io.recallbricks.chaos.experiment.ledger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Map;

/**
 * One memory the load asked the service to store, exactly as sent. {@code writeId} travels in the metadata, so the
 * memory can be found afterwards even when the answer never came.
 */
public record Write(String writeId, long seq, String source, String text, List<String> tags,
                    Map<String, String> metadata) {

    public static final String WRITE_ID_KEY = "chaos_write_id";

    public Write {
        tags = List.copyOf(tags);
        metadata = Map.copyOf(metadata);
    }

    public ObjectNode body(ObjectMapper json) {
        ObjectNode body = json.createObjectNode();
        body.put("text", text);
        body.put("source", source);
        tags.forEach(body.putArray("tags")::add);
        ObjectNode meta = body.putObject("metadata");
        metadata.forEach(meta::put);
        return body;
    }
}
