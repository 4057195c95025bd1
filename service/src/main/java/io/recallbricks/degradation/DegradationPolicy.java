package io.recallbricks.degradation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.recallbricks.health.HealthContributor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The degradation level from measured load, and the question other code asks before optional work:
 *
 * <pre>{@code
 * if (degradation.allows(Feature.TEMPORAL_PATTERNS)) { ... add the temporal signal ... }
 *
 * Optional<Map<String, Object>> off = degradation.unavailable(Feature.MAINTENANCE_SUGGESTIONS);
 * if (off.isPresent()) return HttpResponse.ok(off.get());   // a clear status, not an error
 * }</pre>
 *
 * Level: {@code normal} below DEGRADATION_HIGH_LOAD_THRESHOLD, {@code high} from it, {@code critical} from
 * DEGRADATION_CRITICAL_LOAD_THRESHOLD; each {@link Feature} is off from its level up.
 */
// Eager: degradation_level is exported from startup, not from the first request that asks.
@Context
public class DegradationPolicy implements HealthContributor {

    private static final Logger LOG = LoggerFactory.getLogger(DegradationPolicy.class);

    private final DegradationSettings settings;
    private final LoadMonitor monitor;
    private final Map<Feature, Counter> shed = new EnumMap<>(Feature.class);
    private final AtomicReference<Level> lastSeen = new AtomicReference<>(Level.NORMAL);

    public DegradationPolicy(DegradationSettings settings, LoadMonitor monitor, MeterRegistry registry) {
        this.settings = settings;
        this.monitor = monitor;
        Gauge.builder("degradation.level", this, policy -> policy.level().ordinal())
                .description("Degradation level: 0 normal, 1 high, 2 critical").register(registry);
        Gauge.builder("degradation.load", monitor, LoadMonitor::load)
                .description("Peak requests in flight over the recovery window / DEGRADATION_CAPACITY").register(registry);
        for (Feature feature : Feature.values()) {
            shed.put(feature, Counter.builder("degradation.shed")
                    .description("Times an optional feature was skipped because of load")
                    .tag("feature", feature.label()).register(registry));
        }
    }

    public Level level() {
        Level level = Level.NORMAL;
        if (settings.enabled()) {
            double load = monitor.load();
            if (load >= settings.criticalThreshold()) {
                level = Level.CRITICAL;
            } else if (load >= settings.highThreshold()) {
                level = Level.HIGH;
            }
        }
        Level previous = lastSeen.getAndSet(level);
        if (previous != level) {
            LOG.warn("Degradation level {} -> {} (load {})", previous.label(), level.label(),
                    String.format("%.2f", monitor.load()));
        }
        return level;
    }

    /** Whether optional work of this kind may run now; a refusal is counted in {@code degradation_shed_total}. */
    public boolean allows(Feature feature) {
        boolean allowed = level().ordinal() < feature.offFrom().ordinal();
        if (!allowed) {
            shed.get(feature).increment();
        }
        return allowed;
    }

    /**
     * The body to answer a route whose whole purpose is switched off, or empty when it may run: 200 with
     * {@code status: "degraded"} tells the client the data is withheld on purpose, not broken.
     */
    public Optional<Map<String, Object>> unavailable(Feature feature) {
        if (allows(feature)) {
            return Optional.empty();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", "degraded");
        body.put("feature", feature.label());
        body.put("degradation_level", level().label());
        body.put("message", "Temporarily switched off while the service is under heavy load; retry in a few seconds.");
        body.put("retry_after_seconds", settings.recoverySeconds());
        return Optional.of(body);
    }

    @Override
    public String name() {
        return "degradation";
    }

    @Override
    public Map<String, Object> snapshot() {
        Level level = level();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("level", level.label());
        body.put("load", Math.round(monitor.load() * 1000) / 1000.0);
        body.put("in_flight", monitor.inFlight());
        body.put("capacity", settings.capacity());
        Map<String, Boolean> features = new LinkedHashMap<>();
        for (Feature feature : Feature.values()) {
            features.put(feature.label(), level.ordinal() < feature.offFrom().ordinal());
        }
        body.put("features", features);
        return body;
    }
}
