package io.recallbricks.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.Map;

/**
 * The one error body of the API: {@code {"error": {"code", "message", "requestId", "timestamp", "details"?}}}.
 * Both official SDKs read {@code error.code} and {@code error.message} from this nesting.
 */
@Serdeable
public record ErrorBody(Error error) {

    @Serdeable
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Error(String code, String message, String requestId, Instant timestamp, Map<String, Object> details) {
    }

    public static ErrorBody of(ErrorCode code, String message, String requestId, Map<String, Object> details) {
        return new ErrorBody(new Error(code.name(), message, requestId, Instant.now(), details));
    }
}
