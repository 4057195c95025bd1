package io.recallbricks.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.data.exceptions.DataAccessException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.sql.SQLTransientException;
import java.util.Map;

/**
 * A database that cannot be reached, or a statement cancelled by its timeout, is a temporary condition: the
 * client gets a 503 with {@code Retry-After}, never a 500 and never the driver's text. A constraint that refuses a
 * write is a race the services' own checks lost (two creations of one email: 409; a memory deleted while a
 * relationship to it was being created: 404). Anything else the database says is a bug of ours and stays a 500.
 */
@Produces
@Singleton
@Requires(classes = DataAccessException.class)
public class DatabaseFailureHandler implements ExceptionHandler<DataAccessException, HttpResponse<?>> {

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseFailureHandler.class);
    private static final long RETRY_AFTER_SECONDS = 5;
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String FOREIGN_KEY_VIOLATION = "23503";

    private final ApiExceptionHandler delegate;

    public DatabaseFailureHandler(ApiExceptionHandler delegate) {
        this.delegate = delegate;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, DataAccessException exception) {
        if (isUnavailable(exception)) {
            return unavailable(request, exception);
        }
        String state = sqlState(exception);
        if (UNIQUE_VIOLATION.equals(state)) {
            LOG.info("Concurrent write lost on {} {}: {}", request.getMethod(), request.getPath(), rootMessage(exception));
            return delegate.handle(request, new ApiException(ErrorCode.CONFLICT,
                    "This conflicts with a concurrent change (the object already exists)."));
        }
        if (FOREIGN_KEY_VIOLATION.equals(state)) {
            LOG.info("Referenced row gone on {} {}: {}", request.getMethod(), request.getPath(), rootMessage(exception));
            return delegate.handle(request, ApiException.notFound("Referenced object"));
        }
        LOG.error("Database error on {} {} (request {})", request.getMethod(), request.getPath(),
                RequestIds.of(request), exception);
        return delegate.handle(request, new ApiException(ErrorCode.INTERNAL_ERROR,
                "An internal error occurred. Quote the request id when reporting it."));
    }

    /** 503 DATABASE_UNAVAILABLE with Retry-After: the answer to any failure {@link #isUnavailable} accepts. */
    HttpResponse<?> unavailable(HttpRequest<?> request, Throwable failure) {
        LOG.warn("Database unavailable on {} {}: {}", request.getMethod(), request.getPath(), rootMessage(failure));
        return delegate.handle(request, new RetryableApiException(ErrorCode.DATABASE_UNAVAILABLE,
                "The database is temporarily unavailable; retry later.", RETRY_AFTER_SECONDS, Map.of()));
    }

    /** Connection failures (SQLSTATE class 08), cancelled statements (57014), shutdowns (57P0x), pool timeouts. */
    public static boolean isUnavailable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                if (state.startsWith("08") || state.equals("57014") || state.startsWith("57P")) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
