package io.recallbricks.web;

import io.micronaut.data.connection.jdbc.exceptions.CannotGetJdbcConnectionException;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ExceptionHandler;
import jakarta.inject.Singleton;

/**
 * No connection within {@code DATABASE_CONNECTION_TIMEOUT_MS} (the pool is exhausted, or the database does not
 * accept connections): a temporary condition, 503 with Retry-After like any unavailable database. Micronaut raises
 * it as a plain RuntimeException, outside {@code DataAccessException}, so it needs a handler of its own; without it
 * the load suite saw 500s at 800 RPS.
 */
@Produces
@Singleton
public class PoolExhaustedHandler implements ExceptionHandler<CannotGetJdbcConnectionException, HttpResponse<?>> {

    private final DatabaseFailureHandler database;

    public PoolExhaustedHandler(DatabaseFailureHandler database) {
        this.database = database;
    }

    @Override
    public HttpResponse<?> handle(HttpRequest request, CannotGetJdbcConnectionException exception) {
        return database.unavailable(request, exception);
    }
}
