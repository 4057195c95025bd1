package io.recallbricks.web;

import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code List<String>} field (tags, contexts) from a JSON array of strings only: Serde's built-in list reader turns
 * {@code [1, 2]} into {@code ["1", "2"]} and does not go through {@link StrictStringDeserializer}.
 */
@Singleton
@Order(Ordered.HIGHEST_PRECEDENCE)
public class StrictStringListDeserializer implements Deserializer<List<String>> {

    @Override
    public List<String> deserialize(Decoder decoder, DecoderContext context, Argument<? super List<String>> type)
            throws IOException {
        Object value = decoder.decodeArbitrary();
        String field = type.getName() == null || type.getName().isEmpty() ? "body" : type.getName();
        if (!(value instanceof List<?> items)) {
            throw ApiException.validation(field, field + " must be an array of strings.");
        }
        List<String> strings = new ArrayList<>(items.size());
        for (Object item : items) {
            if (!(item instanceof String text)) {
                throw ApiException.validation(field, field + " must be an array of strings.");
            }
            StorableText.check(field, text);
            strings.add(text);
        }
        return strings;
    }

    @Override
    public List<String> deserializeNullable(Decoder decoder, DecoderContext context,
                                            Argument<? super List<String>> type) throws IOException {
        if (decoder.decodeNull()) {
            return null;
        }
        return deserialize(decoder, context, type);
    }
}
