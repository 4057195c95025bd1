package io.recallbricks.bench.resilience;

import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.recallbricks.bench.standins.ServiceParts;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * What the protection itself costs on the happy path: one call through the service's 'openai' breaker (built by
 * {@code Breakers} with the guide's defaults), in the protocol {@code EmbeddingClient} uses: ask for a permission,
 * do the work, record the outcome with its duration in the breaker's count window. The reference does the same
 * work with no breaker, so the ratio is the multiplier on a trivial call; on a real call (milliseconds of HTTP)
 * the absolute overhead here is what matters, and it is reported with the score.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class CircuitBreakerBenchmark {

    private CircuitBreaker breaker;
    /** The protected work: a few arithmetic steps on state the JIT cannot fold away. */
    private long value;

    @Setup(Level.Trial)
    public void setUp() {
        breaker = ServiceParts.breakers().openai();
        value = 17;
    }

    private long work() {
        value = value * 6364136223846793005L + 1442695040888963407L;
        return value;
    }

    @Benchmark
    public long breakerCall() {
        if (!breaker.tryAcquirePermission()) {
            throw new IllegalStateException("breaker refused a call on the happy path: " + breaker.getState());
        }
        long start = System.nanoTime();
        long result = work();
        breaker.onSuccess(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        return result;
    }

    /** The same work and the same two clock reads, unprotected. */
    @Benchmark
    public long referenceUnprotected() {
        long start = System.nanoTime();
        long result = work();
        return result + (System.nanoTime() - start);
    }
}
