package io.recallbricks.resilience;

import io.micronaut.aop.Around;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Puts every public method of a bean behind the {@code database} circuit breaker. Put it on each class that talks
 * to PostgreSQL (repositories, and services that open a transaction), next to {@code @Connectable} or
 * {@code @Transactional}:
 *
 * <pre>{@code
 * @Singleton
 * @Connectable
 * @DatabaseGuarded
 * public class MemoryRepository { ... }
 * }</pre>
 *
 * <p>The guard runs outside the connection and transaction advice, so while the breaker is open a call is refused
 * at once with {@code 503 DATABASE_UNAVAILABLE} and {@code Retry-After}, without waiting for a pooled connection.
 * Nested guarded calls (a transactional service calling repositories) are counted once, by the outermost.
 */
@Documented
@Around
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface DatabaseGuarded {
}
