package io.recallbricks.alerts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.recallbricks.web.ApiException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * {@code GET /alerts?state=firing|pending|resolved&severity=critical|warning}: the in-process evaluation of the
 * shipped alert rules, where the guide's runbook looks. Public like {@code /health}: no tenant data.
 */
@Controller("/alerts")
public class AlertsController {

    private static final Set<String> STATES = Set.of("firing", "pending", "resolved");
    private static final Set<String> SEVERITIES = Set.of("critical", "warning");

    private final AlertEvaluator evaluator;

    public AlertsController(AlertEvaluator evaluator) {
        this.evaluator = evaluator;
    }

    @Get
    public Map<String, Object> alerts(@Nullable @QueryValue String state, @Nullable @QueryValue String severity) {
        if (state != null && !STATES.contains(state)) {
            throw ApiException.invalidParameter("state", "state must be one of firing, pending, resolved.");
        }
        if (severity != null && !SEVERITIES.contains(severity)) {
            throw ApiException.invalidParameter("severity", "severity must be critical or warning.");
        }
        List<Map<String, Object>> alerts = evaluator.alerts().stream()
                .filter(alert -> state == null || state.equals(alert.get("state")))
                .filter(alert -> severity == null || severity.equals(alert.get("severity")))
                .toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("alerts", alerts);
        body.put("count", alerts.size());
        body.put("firing", alerts.stream().filter(alert -> "firing".equals(alert.get("state"))).count());
        body.put("evaluated_at", evaluator.lastEvaluation() == null ? null : evaluator.lastEvaluation().toString());
        return body;
    }
}
