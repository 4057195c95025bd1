package io.recallbricks.ratelimit;

import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.recallbricks.auth.Caller;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /api/v1/rate-limit}: the caller's standing. The top-level fields ({@code limit}, {@code remaining},
 * {@code reset}, {@code percentUsed}) describe the tenant's own (user) tier, as both SDKs read them; {@code reset}
 * is in seconds like the header, {@code resetAt} is the same moment as a timestamp.
 */
@Controller("/api/v1/rate-limit")
public class RateLimitController {

    private final RateLimiter limiter;

    public RateLimitController(RateLimiter limiter) {
        this.limiter = limiter;
    }

    @Get
    @ExecuteOn(TaskExecutors.BLOCKING)
    public Map<String, Object> standing(Caller caller) {
        String user = caller.userId().toString();
        Decision own = limiter.peek(Tier.USER, user);
        Map<String, Object> body = new LinkedHashMap<>(describe(own));
        body.put("enabled", limiter.enabled());
        body.put("windowSeconds", limiter.settings().windowMs() / 1000.0);
        Map<String, Object> tiers = new LinkedHashMap<>();
        tiers.put(Tier.GLOBAL.label(), describe(limiter.peek(Tier.GLOBAL, "")));
        tiers.put(Tier.USER.label(), describe(own));
        tiers.put(Tier.EXPENSIVE.label(), describe(limiter.peek(Tier.EXPENSIVE, user)));
        body.put("tiers", tiers);
        body.put("backend", limiter.usingRedis() ? "redis" : "local");
        return body;
    }

    private static Map<String, Object> describe(Decision decision) {
        Map<String, Object> tier = new LinkedHashMap<>();
        tier.put("limit", decision.limit());
        tier.put("remaining", decision.remaining());
        tier.put("reset", decision.resetSeconds());
        tier.put("resetAt", Instant.now().plusSeconds(decision.resetSeconds()).toString());
        tier.put("percentUsed", Math.round(1000.0 * (decision.limit() - decision.remaining()) / decision.limit()) / 10.0);
        return tier;
    }
}
