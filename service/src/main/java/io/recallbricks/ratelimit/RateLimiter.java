package io.recallbricks.ratelimit;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.recallbricks.health.HealthContributor;
import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Token buckets for the three tiers. A bucket holds LIMIT tokens and refills them smoothly over the window, so a
 * client can burst up to the limit and then sustain LIMIT per window; there is no window edge where two bursts fit.
 *
 * <p>With {@code REDIS_URL} the buckets live in Redis and are shared by every instance. When Redis fails, this
 * instance serves on its own buckets (each instance then admits up to the limit by itself), says so in
 * {@code /health} and in {@code rate_limit_redis_connected}, and tries Redis again after a few seconds.
 */
// Eager: the rejection counters and the Redis gauge are exported from startup.
@Context
public class RateLimiter implements HealthContributor {

    private static final Logger LOG = LoggerFactory.getLogger(RateLimiter.class);
    private static final Duration REDIS_RETRY = Duration.ofSeconds(5);

    private final RateLimitSettings settings;
    private final LocalBucketStore local;
    private final Map<Tier, BucketConfiguration> configurations = new EnumMap<>(Tier.class);
    private final Map<Tier, Counter> rejections = new EnumMap<>(Tier.class);

    private volatile RedisBucketStore redis;
    private volatile long redisRetryAtNanos;
    private volatile boolean redisHealthy;

    public RateLimiter(RateLimitSettings settings, MeterRegistry registry) {
        this.settings = settings;
        this.local = new LocalBucketStore(settings.window());
        for (Tier tier : Tier.values()) {
            long limit = settings.limit(tier);
            configurations.put(tier, BucketConfiguration.builder()
                    .addLimit(bandwidth -> bandwidth.capacity(limit).refillGreedy(limit, settings.window()))
                    .build());
            rejections.put(tier, Counter.builder("rate.limit.rejections")
                    .description("Requests refused with 429, by the tier that refused them")
                    .tag("tier", tier.label()).register(registry));
        }
        Gauge.builder("rate.limit.redis.connected", this, limiter -> limiter.usingRedis() ? 1 : 0)
                .description("1 when rate-limit buckets are shared through Redis, 0 when this instance uses its own")
                .register(registry);
        this.redisRetryAtNanos = System.nanoTime();
    }

    public boolean enabled() {
        return settings.enabled();
    }

    public RateLimitSettings settings() {
        return settings;
    }

    /** Takes a token from the tier's bucket for {@code subject} (a user id; ignored for the global tier). */
    public Decision consume(Tier tier, String subject) {
        ConsumptionProbe probe = withStore(store -> store.tryConsume(tier.key(subject), configurations.get(tier)));
        long refill = seconds(probe.getNanosToWaitForRefill());
        Decision decision = new Decision(tier, probe.isConsumed(), settings.limit(tier), probe.getRemainingTokens(),
                probe.isConsumed() ? seconds(probe.getNanosToWaitForReset()) : refill, refill);
        if (!decision.allowed()) {
            rejections.get(tier).increment();
        }
        return decision;
    }

    /** The standing of a bucket without spending a token. */
    public Decision peek(Tier tier, String subject) {
        long limit = settings.limit(tier);
        long available = Math.max(0L, withStore(store -> store.available(tier.key(subject), configurations.get(tier))));
        // Refill is linear: the missing tokens come back at LIMIT per window.
        long reset = (long) Math.ceil((double) (limit - available) * settings.windowMs() / limit / 1000.0);
        return new Decision(tier, available > 0, limit, available, reset, available > 0 ? 0 : Math.max(1, reset));
    }

    boolean usingRedis() {
        return redis != null && redisHealthy;
    }

    private <T> T withStore(Function<BucketStore, T> operation) {
        BucketStore shared = sharedStore();
        if (shared != null) {
            try {
                T result = operation.apply(shared);
                if (!redisHealthy) {
                    LOG.info("Rate limits are shared through Redis");
                    redisHealthy = true;
                }
                return result;
            } catch (RuntimeException e) {
                redisFailed(e);
            }
        }
        return operation.apply(local);
    }

    private BucketStore sharedStore() {
        if (!settings.shared() || System.nanoTime() < redisRetryAtNanos) {
            return null;
        }
        if (redis == null) {
            synchronized (this) {
                if (redis == null && System.nanoTime() >= redisRetryAtNanos) {
                    try {
                        redis = new RedisBucketStore(settings.redisUrl(), settings.window());
                    } catch (RuntimeException e) {
                        redisFailed(e);
                    }
                }
            }
        }
        return redis;
    }

    private void redisFailed(RuntimeException e) {
        if (redisHealthy || redis == null) {
            LOG.warn("Redis unavailable for rate limits; this instance uses its own buckets until it is back: {}",
                    e.getMessage());
        }
        redisHealthy = false;
        redisRetryAtNanos = System.nanoTime() + REDIS_RETRY.toNanos();
    }

    private static long seconds(long nanos) {
        return Math.max(0, (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1));
    }

    @Override
    public String name() {
        return "rate_limit";
    }

    @Override
    public Map<String, Object> snapshot() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("enabled", settings.enabled());
        body.put("backend", usingRedis() ? "redis" : "local");
        body.put("redis", !settings.shared() ? "not_configured" : usingRedis() ? "up" : "unavailable");
        body.put("window_seconds", settings.windowMs() / 1000.0);
        Map<String, Integer> limits = new LinkedHashMap<>();
        for (Tier tier : Tier.values()) {
            limits.put(tier.label(), settings.limit(tier));
        }
        body.put("limits", limits);
        return body;
    }

    @PreDestroy
    void close() {
        if (redis != null) {
            redis.close();
        }
    }
}
