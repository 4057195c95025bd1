package io.recallbricks.sla;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.recallbricks.web.ApiException;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code GET /sla?period=1h}, where the guide's runbook
 * looks. Public like {@code /health}: it carries no tenant data.
 */
@Controller
public class SlaController {

    static final Map<String, Duration> PERIODS = new LinkedHashMap<>();

    static {
        PERIODS.put("1m", Duration.ofMinutes(1));
        PERIODS.put("5m", Duration.ofMinutes(5));
        PERIODS.put("15m", Duration.ofMinutes(15));
        PERIODS.put("1h", Duration.ofHours(1));
        PERIODS.put("6h", Duration.ofHours(6));
        PERIODS.put("24h", Duration.ofHours(24));
        PERIODS.put("7d", Duration.ofDays(7));
        PERIODS.put("30d", Duration.ofDays(30));
    }

    private final SlaReport report;

    public SlaController(SlaReport report) {
        this.report = report;
    }

    @Get("/sla")
    public Map<String, Object> sla(@Nullable @QueryValue String period) {
        String label = period == null || period.isBlank() ? "1h" : period.trim();
        Duration duration = PERIODS.get(label);
        if (duration == null) {
            throw ApiException.invalidParameter("period", "period must be one of " + String.join(", ", PERIODS.keySet()) + ".");
        }
        return report.of(label, duration);
    }
}
