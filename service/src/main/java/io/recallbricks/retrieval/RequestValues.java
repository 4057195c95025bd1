package io.recallbricks.retrieval;

import io.recallbricks.web.ApiException;
import io.recallbricks.web.ErrorCode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Checks of retrieval parameters, each failure a 400 naming the parameter. */
public final class RequestValues {

    public static final int MAX_QUERY_LENGTH = 2000;

    private RequestValues() {
    }

    public static String requiredText(String name, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            throw new ApiException(ErrorCode.MISSING_PARAMETER, "Field \"" + name + "\" is required.", Map.of("parameter", name));
        }
        return optionalText(name, value, maxLength);
    }

    public static String optionalText(String name, String value, int maxLength) {
        if (value == null || value.isBlank()) {
            return null;
        }
        if (value.length() > maxLength) {
            throw ApiException.invalidParameter(name, name + " must be at most " + maxLength + " characters.");
        }
        return value.trim();
    }

    public static int integer(String name, Integer value, int defaultValue, int min, int max) {
        if (value == null) {
            return defaultValue;
        }
        if (value < min || value > max) {
            throw ApiException.invalidParameter(name, name + " must be between " + min + " and " + max + " (got " + value + ").");
        }
        return value;
    }

    public static double fraction(String name, Double value, double defaultValue) {
        if (value == null) {
            return defaultValue;
        }
        if (value.isNaN() || value < 0 || value > 1) {
            throw ApiException.invalidParameter(name, name + " must be between 0 and 1 (got " + value + ").");
        }
        return value;
    }

    /** Ids given as a JSON array or separated by commas; every one must be a UUID. */
    public static List<UUID> ids(String name, String value, int max) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        String list = value.trim();
        if (list.startsWith("[")) {
            if (!list.endsWith("]")) {
                throw ApiException.invalidParameter(name, name + " must be a JSON array of ids or ids separated by commas.");
            }
            list = list.substring(1, list.length() - 1);
        }
        List<UUID> ids = new ArrayList<>();
        for (String part : list.split(",")) {
            String id = part.trim().replace("\"", "");
            if (id.isEmpty()) {
                continue;
            }
            try {
                UUID parsed = UUID.fromString(id);
                if (!ids.contains(parsed)) {
                    ids.add(parsed);
                }
            } catch (IllegalArgumentException e) {
                throw ApiException.invalidParameter(name, name + " contains '" + abbreviate(id) + "', which is not a memory id.");
            }
        }
        if (ids.size() > max) {
            throw ApiException.invalidParameter(name, name + " may name at most " + max + " memories (got " + ids.size() + ").");
        }
        return ids;
    }

    private static String abbreviate(String value) {
        return value.length() > 40 ? value.substring(0, 40) + "..." : value;
    }
}
