package io.recallbricks.bench.resilience;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.recallbricks.bench.standins.ServiceSettings;
import io.recallbricks.ratelimit.Decision;
import io.recallbricks.ratelimit.RateLimitSettings;
import io.recallbricks.ratelimit.RateLimiter;
import io.recallbricks.ratelimit.Tier;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the rate limit itself costs on every request: one token taken through the service's {@code RateLimiter}
 * (Bucket4j buckets in this instance's memory, no Redis), by two threads at once. {@code userToken}: each request
 * takes from its tenant's bucket (64 tenants, so threads rarely meet on a bucket); {@code globalToken}: every
 * request takes from the one global bucket, the contended case. Limits are set far above the rate, so tokens are
 * always granted and the benchmark measures admission, not refusal. The reference takes a "token" from a plain
 * per-key AtomicLong in a ConcurrentHashMap: the ratio is the price of real token buckets with refill.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Threads(2)
@Fork(2)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class RateLimitBenchmark {

    private static final int TENANTS = 64;

    private RateLimiter limiter;
    private String[] tenants;
    private Map<String, AtomicLong> counters;

    @State(Scope.Thread)
    public static class Cursor {
        int next;

        @Setup(Level.Trial)
        public void start() {
            next = (int) (Thread.currentThread().getId() * 31 % TENANTS);
        }

        String tenant(String[] tenants) {
            next = (next + 1) & (TENANTS - 1);
            return tenants[next];
        }
    }

    @Setup(Level.Trial)
    public void setUp() {
        // A one-second window refilling 100 million tokens: never exhausted, whatever the machine's speed.
        RateLimitSettings settings = ServiceSettings.from(RateLimitSettings.class, Map.of(
                "RATE_LIMIT_WINDOW_MS", "1000",
                "GLOBAL_RATE_LIMIT", "100000000",
                "USER_RATE_LIMIT", "100000000",
                "EXPENSIVE_RATE_LIMIT", "100000000"));
        limiter = new RateLimiter(settings, new SimpleMeterRegistry());
        tenants = new String[TENANTS];
        counters = new ConcurrentHashMap<>();
        for (int i = 0; i < TENANTS; i++) {
            tenants[i] = new java.util.UUID(7, i).toString();
            counters.put("rb:rl:user:" + tenants[i], new AtomicLong(Long.MAX_VALUE));
        }
        counters.put("rb:rl:global", new AtomicLong(Long.MAX_VALUE));
    }

    @Benchmark
    public Decision userToken(Cursor cursor) {
        return limiter.consume(Tier.USER, cursor.tenant(tenants));
    }

    @Benchmark
    public Decision globalToken() {
        return limiter.consume(Tier.GLOBAL, "");
    }

    @Benchmark
    public long referenceCounter(Cursor cursor) {
        return counters.get("rb:rl:user:" + cursor.tenant(tenants)).decrementAndGet();
    }
}
