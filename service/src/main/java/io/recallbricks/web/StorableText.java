package io.recallbricks.web;

import java.util.List;
import java.util.Map;

/**
 * Text PostgreSQL can store: {@code text} and {@code jsonb} refuse the NUL character (U+0000), and the driver turns an
 * unpaired surrogate into '?' without a word. Such input was a 500 with a stack trace; it is a 400 now, wherever it
 * arrives (body strings, metadata keys and values at any depth, query parameters).
 */
public final class StorableText {

    private StorableText() {
    }

    /** Throws VALIDATION_ERROR naming {@code field} when {@code value} holds a character PostgreSQL cannot store. */
    public static void check(String field, String value) {
        if (value != null && !storable(value)) {
            throw ApiException.validation(field, field + " contains a character that cannot be stored "
                    + "(NUL or an unpaired surrogate).");
        }
    }

    /** Walks a JSON value (maps, lists, strings) and checks every key and string in it. */
    public static void checkTree(String field, Object value) {
        if (value instanceof String text) {
            check(field, text);
        } else if (value instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                check(field, String.valueOf(entry.getKey()));
                checkTree(field, entry.getValue());
            }
        } else if (value instanceof List<?> list) {
            list.forEach(item -> checkTree(field, item));
        }
    }

    public static boolean storable(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\0') {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= value.length() || !Character.isLowSurrogate(value.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }
}
