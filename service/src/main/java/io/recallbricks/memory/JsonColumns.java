package io.recallbricks.memory;

import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** Converts jsonb columns to and from maps. */
@Singleton
public class JsonColumns {

    private static final Argument<Map<String, Object>> MAP = Argument.mapOf(String.class, Object.class);

    private final JsonMapper json;

    public JsonColumns(JsonMapper json) {
        this.json = json;
    }

    public String write(Map<String, Object> value) {
        try {
            return json.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Map<String, Object> read(String column) {
        if (column == null) {
            return Map.of();
        }
        try {
            return json.readValue(column, MAP);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
