package io.recallbricks.alerts;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Evaluates the alert rules every ALERT_EVALUATION_INTERVAL_SECONDS with Prometheus' semantics: a series whose
 * condition holds is {@code pending}; once it has held for the rule's {@code for} duration it is {@code firing};
 * when the condition stops holding a firing alert becomes {@code resolved} (kept for
 * ALERT_RESOLVED_RETENTION_MINUTES) and a pending one is dropped. Firing and resolving are logged.
 */
@Singleton
public class AlertEvaluator {

    private static final Logger LOG = LoggerFactory.getLogger(AlertEvaluator.class);

    private final List<AlertRule> rules;
    private final AlertSettings settings;
    private final Map<String, Alert> active = new LinkedHashMap<>();
    private final List<Alert> resolved = new ArrayList<>();
    private volatile Instant lastEvaluation;

    AlertEvaluator(AlertRules rules, AlertSettings settings) {
        this.rules = rules.all();
        this.settings = settings;
    }

    @Scheduled(fixedDelay = "${recallbricks.alerts.evaluation-interval-seconds:5}s", initialDelay = "1s")
    public synchronized void evaluate() {
        Instant now = Instant.now();
        Set<String> stillBreaching = new HashSet<>();
        for (AlertRule rule : rules) {
            for (AlertRule.Sample sample : rule.breaching().get()) {
                Map<String, String> labels = new TreeMap<>(sample.labels());
                labels.put("alertname", rule.name());
                labels.put("severity", rule.severity());
                String key = labels.toString();
                stillBreaching.add(key);
                Alert alert = active.computeIfAbsent(key, k -> new Alert(rule, labels, now));
                alert.value = sample.value();
                if (alert.firedAt == null && !now.isBefore(alert.activeSince.plus(settings.scaled(rule.pendingFor())))) {
                    alert.firedAt = now;
                    LOG.warn("Alert {} firing {} (value {})", rule.name(), sample.labels(), sample.value());
                }
            }
        }
        active.entrySet().removeIf(entry -> {
            if (stillBreaching.contains(entry.getKey())) {
                return false;
            }
            Alert alert = entry.getValue();
            if (alert.firedAt != null) {
                alert.resolvedAt = now;
                resolved.add(alert);
                LOG.info("Alert {} resolved {}", alert.rule.name(), alert.labels);
            }
            return true;
        });
        Instant horizon = now.minus(Duration.ofMinutes(settings.resolvedRetentionMinutes()));
        resolved.removeIf(alert -> alert.resolvedAt.isBefore(horizon));
        lastEvaluation = now;
    }

    /** Firing, pending and recently resolved alerts, newest first. */
    public synchronized List<Map<String, Object>> alerts() {
        List<Alert> all = new ArrayList<>(active.values());
        all.addAll(resolved);
        all.sort(Comparator.comparing((Alert alert) -> alert.activeSince).reversed());
        return all.stream().map(Alert::view).toList();
    }

    public Instant lastEvaluation() {
        return lastEvaluation;
    }

    private static final class Alert {
        final AlertRule rule;
        final Map<String, String> labels;
        final Instant activeSince;
        Instant firedAt;
        Instant resolvedAt;
        double value;

        Alert(AlertRule rule, Map<String, String> labels, Instant activeSince) {
            this.rule = rule;
            this.labels = labels;
            this.activeSince = activeSince;
        }

        String state() {
            return resolvedAt != null ? "resolved" : firedAt != null ? "firing" : "pending";
        }

        Map<String, Object> view() {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("name", rule.name());
            view.put("state", state());
            view.put("severity", rule.severity());
            view.put("labels", labels);
            view.put("summary", rule.summary());
            view.put("value", Double.isFinite(value) ? value : null);
            view.put("for_seconds", rule.pendingFor().toSeconds());
            view.put("active_since", activeSince.toString());
            view.put("fired_at", firedAt == null ? null : firedAt.toString());
            view.put("resolved_at", resolvedAt == null ? null : resolvedAt.toString());
            return view;
        }
    }
}
