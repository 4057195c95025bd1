package io.recallbricks.web;

import java.util.Map;

/**
 * A failure with a client-facing meaning: it carries the stable code, a message safe to show, and optional
 * structured details. Anything else that escapes a controller is an internal error and is never described to the
 * client.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final Map<String, Object> details;

    public ApiException(ErrorCode code, String message) {
        this(code, message, Map.of());
    }

    public ApiException(ErrorCode code, String message, Map<String, Object> details) {
        super(message, null, false, false);
        this.code = code;
        this.details = Map.copyOf(details);
    }

    public ErrorCode code() {
        return code;
    }

    public Map<String, Object> details() {
        return details;
    }

    public static ApiException notFound(String what) {
        return new ApiException(ErrorCode.NOT_FOUND, what + " not found.");
    }

    public static ApiException validation(String field, String message) {
        return new ApiException(ErrorCode.VALIDATION_ERROR, message, Map.of("field", field));
    }

    public static ApiException invalidParameter(String parameter, String message) {
        return new ApiException(ErrorCode.INVALID_PARAMETER, message, Map.of("parameter", parameter));
    }
}
