package io.recallbricks.auth;

import io.micronaut.core.convert.ArgumentConversionContext;
import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.bind.binders.TypedRequestArgumentBinder;
import io.recallbricks.web.ApiException;
import io.recallbricks.web.ErrorCode;
import jakarta.inject.Singleton;

/** Lets a controller method declare a {@link Caller} parameter and receive the authenticated tenant. */
@Singleton
public class CallerArgumentBinder implements TypedRequestArgumentBinder<Caller> {

    @Override
    public Argument<Caller> argumentType() {
        return Argument.of(Caller.class);
    }

    @Override
    public BindingResult<Caller> bind(ArgumentConversionContext<Caller> context, HttpRequest<?> source) {
        Caller caller = source.getAttribute(AuthenticationFilter.CALLER_ATTRIBUTE, Caller.class)
                .orElseThrow(() -> new ApiException(ErrorCode.UNAUTHORIZED, "Authentication required."));
        return () -> java.util.Optional.of(caller);
    }
}
