package io.recallbricks.web;

import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;

import java.io.IOException;

/**
 * Reads a JSON string into a {@code String} field and nothing else. Micronaut Serde's own deserializer coerces
 * numbers and booleans ({@code {"text":42}} was stored as "42"), which hides client bugs; a type mismatch is a 400 now.
 * Strings PostgreSQL cannot store ({@link StorableText}) are refused here too, so every string field of every body
 * is covered in one place. Ordered first, so it replaces the built-in one.
 */
@Singleton
@Order(Ordered.HIGHEST_PRECEDENCE)
public class StrictStringDeserializer implements Deserializer<String> {

    @Override
    public String deserialize(Decoder decoder, DecoderContext context, Argument<? super String> type) throws IOException {
        Object value = decoder.decodeArbitrary();
        String field = type.getName() == null || type.getName().isEmpty() ? "body" : type.getName();
        if (!(value instanceof String text)) {
            throw ApiException.validation(field, field + " must be a string (got " + jsonType(value) + ").");
        }
        StorableText.check(field, text);
        return text;
    }

    @Override
    public String deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super String> type)
            throws IOException {
        if (decoder.decodeNull()) {
            return null;
        }
        return deserialize(decoder, context, type);
    }

    private static String jsonType(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Number) {
            return "a number";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        if (value instanceof java.util.Map) {
            return "an object";
        }
        if (value instanceof java.util.List) {
            return "an array";
        }
        return "another type";
    }
}
