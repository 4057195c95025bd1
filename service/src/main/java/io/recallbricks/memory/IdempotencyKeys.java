package io.recallbricks.memory;

import io.recallbricks.web.ApiException;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The {@code Idempotency-Key} request header of memory creation: its validation, and the fingerprint of the request
 * it was first used with. A retry must send the same key with the same body; the fingerprint is computed from the
 * validated draft with map keys sorted, so it is the same on every instance and for every field order.
 */
public final class IdempotencyKeys {

    public static final String HEADER = "Idempotency-Key";
    public static final String REPLAYED_HEADER = "Idempotent-Replayed";

    // Visible ASCII only: UUIDs, ULIDs and the like; anything else is a client bug worth a clear 400.
    private static final Pattern VALID = Pattern.compile("[\\x21-\\x7E]{1,255}");

    private IdempotencyKeys() {
    }

    /** The key as sent, or null when the header is absent; a malformed key is a 400. */
    public static String validate(String header) {
        if (header == null) {
            return null;
        }
        String key = header.trim();
        if (!VALID.matcher(key).matches()) {
            throw ApiException.invalidParameter(HEADER,
                    HEADER + " must be 1 to 255 visible ASCII characters (a UUID is a good choice).");
        }
        return key;
    }

    /** SHA-256 of the draft in a canonical JSON form. */
    public static byte[] fingerprint(MemoryDraft draft, JsonColumns json) {
        Map<String, Object> canonical = new LinkedHashMap<>();
        canonical.put("text", draft.text());
        canonical.put("source", draft.source());
        canonical.put("project_id", draft.projectId());
        canonical.put("tags", draft.tags());
        canonical.put("metadata", canonical(draft.metadata()));
        try {
            return MessageDigest.getInstance("SHA-256").digest(json.write(canonical).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static Object canonical(Object value) {
        if (value instanceof Map<?, ?> map) {
            TreeMap<String, Object> sorted = new TreeMap<>();
            map.forEach((k, v) -> sorted.put(String.valueOf(k), canonical(v)));
            return sorted;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(canonical(item)));
            return copy;
        }
        return value;
    }
}
