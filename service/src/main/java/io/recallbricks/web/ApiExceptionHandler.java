package io.recallbricks.web;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.server.exceptions.ErrorResponseProcessorExceptionHandler;
import io.micronaut.http.server.exceptions.response.ErrorResponseProcessor;
import jakarta.inject.Singleton;

/** Turns an {@link ApiException} into its status; {@link ApiErrorResponseProcessor} writes the body. */
@Produces
@Singleton
@Requires(classes = {ApiException.class})
public class ApiExceptionHandler extends ErrorResponseProcessorExceptionHandler<ApiException> {

    public ApiExceptionHandler(ErrorResponseProcessor<?> responseProcessor) {
        super(responseProcessor);
    }

    @Override
    protected MutableHttpResponse<?> createResponse(ApiException exception) {
        MutableHttpResponse<?> response = HttpResponse.status(exception.code().status());
        if (exception instanceof RetryableApiException retryable) {
            response.header("Retry-After", Long.toString(retryable.retryAfterSeconds()));
        }
        return response;
    }
}
