package io.recallbricks.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micronaut.aop.InterceptPhase;
import io.micronaut.aop.InterceptorBean;
import io.micronaut.aop.MethodInterceptor;
import io.micronaut.aop.MethodInvocationContext;
import io.recallbricks.web.DatabaseFailureHandler;
import io.recallbricks.web.ErrorCode;
import io.recallbricks.web.RetryableApiException;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The advice behind {@link DatabaseGuarded}: asks the {@code database} breaker for permission, and tells it how the
 * call went and how long it took. Which failures count is the breaker's rule (see {@link Breakers}).
 */
@Singleton
@InterceptorBean(DatabaseGuarded.class)
public class DatabaseGuardInterceptor implements MethodInterceptor<Object, Object> {

    // A guarded call inside a guarded call (service -> repository) is one use of the database, not two.
    private static final ThreadLocal<Boolean> INSIDE = ThreadLocal.withInitial(() -> false);

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseGuardInterceptor.class);

    private final Breakers breakers;

    public DatabaseGuardInterceptor(Breakers breakers) {
        this.breakers = breakers;
    }

    @Override
    public int getOrder() {
        // Before @Transactional (TRANSACTION) and @Connectable (TRANSACTION - 10): refuse before taking a connection.
        return InterceptPhase.TRANSACTION.getPosition() - 20;
    }

    @Override
    public Object intercept(MethodInvocationContext<Object, Object> context) {
        if (INSIDE.get()) {
            return context.proceed();
        }
        CircuitBreaker breaker = breakers.database();
        DatabaseProgress progress = breakers.databaseProgress();
        if (!breaker.tryAcquirePermission()) {
            throw new RetryableApiException(ErrorCode.DATABASE_UNAVAILABLE,
                    "The database is temporarily unavailable (circuit breaker open); retry later.",
                    breakers.retryAfterSeconds(breaker), Map.of("breaker", Breakers.DATABASE));
        }
        long start = System.nanoTime();
        INSIDE.set(true);
        try {
            Object result = context.proceed();
            progress.answered();
            breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return result;
        } catch (Throwable failure) {
            if (DatabaseProgress.raisedByDatabase(failure)) {
                progress.answered(); // a constraint violation or the like: the database is up and answering
            }
            breaker.onError(System.nanoTime() - start, TimeUnit.NANOSECONDS, failure);
            if (DatabaseFailureHandler.isUnavailable(failure)) {
                // Whatever wrapper the data layer used (pool, connection or data-access exception), the client
                // sees one answer: a temporary 503 with the stable code.
                LOG.warn("Database unavailable in {}: {}", context.getExecutableMethod(), rootMessage(failure));
                throw new RetryableApiException(ErrorCode.DATABASE_UNAVAILABLE,
                        "The database is temporarily unavailable; retry later.", breakers.retryAfterSeconds(breaker),
                        Map.of());
            }
            throw sneaky(failure);
        } finally {
            INSIDE.remove();
        }
    }

    // Rethrows any throwable unchanged (a data layer may throw checked SQL exceptions through a lambda).
    @SuppressWarnings("unchecked")
    private static <T extends Throwable> RuntimeException sneaky(Throwable failure) throws T {
        throw (T) failure;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
