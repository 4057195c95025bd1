package io.recallbricks.web;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.convert.exceptions.ConversionErrorException;
import io.micronaut.core.bind.exceptions.UnsatisfiedArgumentException;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import io.micronaut.serde.exceptions.SerdeException;
import jakarta.inject.Singleton;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders every error response of the service, whether raised by our code ({@link ApiException}) or by the
 * framework (no route, bad JSON, a parameter that does not convert, a body too large...), as one {@link ErrorBody}
 * with a stable code.
 *
 * <p>Framework messages are never passed through: they name internal classes and, for database failures, SQL.
 * Each kind of failure gets a message written here instead.
 */
@Singleton
@Replaces(ErrorResponseProcessor.class)
public class ApiErrorResponseProcessor implements ErrorResponseProcessor<ErrorBody> {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrorResponseProcessor.class);

    // Serde names the offending property in its messages; these pick out the name and nothing else.
    private static final Pattern UNKNOWN_PROPERTY = Pattern.compile("Unknown property \\[([^\\]]+)\\]");
    private static final Pattern DECODING_PROPERTY = Pattern.compile("property \\[(?:[^\\]]*\\s)?([A-Za-z0-9_]+)\\]");

    @Override
    @NonNull
    public MutableHttpResponse<ErrorBody> processResponse(@NonNull ErrorContext context,
                                                          @NonNull MutableHttpResponse<?> response) {
        Problem problem = describe(context, response.status());
        String requestId = RequestIds.of(context.getRequest());
        if (problem.code() == ErrorCode.INTERNAL_ERROR) {
            LOG.error("Internal error on {} {} (request {})", context.getRequest().getMethod(),
                    context.getRequest().getPath(), requestId, context.getRootCause().orElse(null));
        }
        return response.status(problem.code().status())
                .contentType(MediaType.APPLICATION_JSON_TYPE)
                .body(ErrorBody.of(problem.code(), problem.message(), requestId, problem.details()));
    }

    private record Problem(ErrorCode code, String message, Map<String, Object> details) {
        Problem(ErrorCode code, String message) {
            this(code, message, Map.of());
        }
    }

    private Problem describe(ErrorContext context, HttpStatus status) {
        Throwable cause = context.getRootCause().orElse(null);
        if (cause instanceof ApiException api) {
            return new Problem(api.code(), api.getMessage(), api.details());
        }
        if (cause instanceof ConstraintViolationException violations) {
            return validation(violations);
        }
        if (cause instanceof UnsatisfiedArgumentException missing) {
            String name = missing.getArgument().getName();
            return new Problem(ErrorCode.MISSING_PARAMETER, "Required parameter '" + name + "' is missing.",
                    Map.of("parameter", name));
        }
        if (cause instanceof ConversionErrorException conversion) {
            String name = conversion.getArgument().getName();
            return conversionProblem(name, conversion);
        }
        if (causedBySerde(cause)) {
            return bodyProblem(cause);
        }
        return switch (status) {
            case BAD_REQUEST -> isJsonSyntax(cause)
                    ? new Problem(ErrorCode.MALFORMED_JSON, "The request body is not valid JSON.")
                    : new Problem(ErrorCode.VALIDATION_ERROR, "The request is invalid.");
            case NOT_FOUND -> new Problem(ErrorCode.ROUTE_NOT_FOUND,
                    "Route " + context.getRequest().getMethodName() + " " + context.getRequest().getPath() + " not found.",
                    Map.of("method", context.getRequest().getMethodName(), "path", context.getRequest().getPath()));
            case METHOD_NOT_ALLOWED -> new Problem(ErrorCode.METHOD_NOT_ALLOWED,
                    "Method " + context.getRequest().getMethodName() + " is not allowed on " + context.getRequest().getPath() + ".");
            case NOT_ACCEPTABLE -> new Problem(ErrorCode.NOT_ACCEPTABLE, "The requested representation is not available.");
            case UNSUPPORTED_MEDIA_TYPE -> new Problem(ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                    "Send the request body as application/json.");
            case REQUEST_ENTITY_TOO_LARGE -> new Problem(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is too large.");
            case UNAUTHORIZED -> new Problem(ErrorCode.UNAUTHORIZED, "Authentication required.");
            case FORBIDDEN -> new Problem(ErrorCode.FORBIDDEN, "Access denied.");
            case TOO_MANY_REQUESTS -> new Problem(ErrorCode.RATE_LIMIT_EXCEEDED, "Rate limit exceeded.");
            case SERVICE_UNAVAILABLE -> new Problem(ErrorCode.SERVICE_UNAVAILABLE, "The service is temporarily unavailable.");
            default -> status.getCode() < 500
                    ? new Problem(ErrorCode.VALIDATION_ERROR, "The request could not be processed.")
                    : new Problem(ErrorCode.INTERNAL_ERROR, "An internal error occurred. Quote the request id when reporting it.");
        };
    }

    private static Problem validation(ConstraintViolationException exception) {
        List<ConstraintViolation<?>> sorted = exception.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .toList();
        Map<String, Object> fields = new LinkedHashMap<>();
        for (ConstraintViolation<?> violation : sorted) {
            fields.putIfAbsent(fieldName(violation), violation.getMessage());
        }
        String message = fields.entrySet().stream()
                .map(e -> e.getKey() + ": " + e.getValue())
                .reduce((a, b) -> a + "; " + b)
                .orElse("The request is invalid.");
        return new Problem(ErrorCode.VALIDATION_ERROR, message, Map.of("fields", fields));
    }

    // "create.request.text" -> "text": the last node is the field the client sent.
    private static String fieldName(ConstraintViolation<?> violation) {
        String path = violation.getPropertyPath().toString();
        String last = path.substring(path.lastIndexOf('.') + 1);
        return last.replaceAll("<[^>]*>", "").replaceAll("\\[.*]", "");
    }

    private static Problem conversionProblem(String name, ConversionErrorException conversion) {
        if (causedBySerde(conversion) || isJsonSyntax(conversion)) {
            return bodyProblem(conversion);
        }
        return new Problem(ErrorCode.INVALID_PARAMETER, "Invalid value for parameter '" + name + "'.",
                Map.of("parameter", name));
    }

    private static Problem bodyProblem(Throwable cause) {
        String text = messages(cause);
        Matcher unknown = UNKNOWN_PROPERTY.matcher(text);
        if (unknown.find()) {
            return new Problem(ErrorCode.UNKNOWN_FIELD, "Unknown field '" + unknown.group(1) + "'.",
                    Map.of("field", unknown.group(1)));
        }
        if (isJsonSyntax(cause)) {
            return new Problem(ErrorCode.MALFORMED_JSON, "The request body is not valid JSON.");
        }
        Matcher property = DECODING_PROPERTY.matcher(text);
        if (property.find()) {
            return new Problem(ErrorCode.VALIDATION_ERROR, "Field '" + property.group(1) + "' has the wrong type.",
                    Map.of("field", property.group(1)));
        }
        return new Problem(ErrorCode.VALIDATION_ERROR, "The request body does not have the expected shape.");
    }

    private static boolean causedBySerde(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SerdeException) {
                return true;
            }
        }
        return false;
    }

    private static boolean isJsonSyntax(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            String name = t.getClass().getName();
            if (name.endsWith("JsonParseException") || name.endsWith("JsonSyntaxException")
                    || name.endsWith("JsonEOFException")) {
                return true;
            }
        }
        return false;
    }

    private static String messages(Throwable cause) {
        StringBuilder all = new StringBuilder();
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t.getMessage() != null) {
                all.append(t.getMessage()).append('\n');
            }
        }
        return all.toString();
    }
}
