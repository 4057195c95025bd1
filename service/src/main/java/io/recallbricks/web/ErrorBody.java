package io.recallbricks.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Map;

/**
 * The one error body of the API: {@code {"error": {"code", "message", "requestId", "timestamp", "details"?}, "code"}}.
 *
 * <p>The nested object is the original's structured shape, which the Python SDK parses. The top-level {@code code}
 * repeats {@code error.code} for the TypeScript SDK, which reads {@code code} beside {@code error}; it is the only
 * extra key, so neither client (nor the original contract) is broken by the other.
 */
@Serdeable
public record ErrorBody(Error error, String code) {

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Error(String code, String message, String requestId, Instant timestamp, Map<String, Object> details) {
    }

    public static ErrorBody of(ErrorCode code, String message, String requestId, Map<String, Object> details) {
        return new ErrorBody(new Error(code.name(), message, requestId, Instant.now(), details), code.name());
    }
}
