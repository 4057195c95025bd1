package io.recallbricks.reports.render;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.recallbricks.reports.compare.Comparison;
import io.recallbricks.reports.criteria.Criterion;
import io.recallbricks.reports.evaluation.CriterionResult;
import io.recallbricks.reports.evaluation.Evaluation;
import io.recallbricks.reports.jmh.BenchmarkRow;
import io.recallbricks.reports.topology.TopologySection;
import io.recallbricks.reports.run.Json;
import io.recallbricks.reports.run.RunInfo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** sla-report.json: the verdict and every number behind it, for tools (schema documented in reports/README.md). */
public final class JsonReport {

    public static final int SCHEMA_VERSION = 1;

    private JsonReport() {
    }

    public static String render(ReportContent content) {
        Evaluation e = content.evaluation();
        RunInfo info = e.run().info();
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("runId", info.runId());
        root.put("profile", info.profile());
        root.put("startedAt", info.startedAt());
        root.put("finishedAt", info.finishedAt());
        root.put("criteriaVersion", e.criteria().version());
        root.put("passed", e.passed());
        root.put("verdict", e.verdict());
        root.put("leftOut", e.leftOut().stream().map(r -> r.criterion().id()).toList());
        root.put("injectorBoundPhases", e.injectorBoundPhases());
        root.put("phaseRates", io.recallbricks.reports.evaluation.PhaseRates.of(e.run()));
        root.put("exitCode", e.exitCode());
        root.put("criteria", e.results().stream().map(JsonReport::criterion).toList());
        root.put("phases", info.phases());
        root.put("endpoints", e.endpointStats());
        root.put("stress", info.stress());
        root.put("injectors", info.injectors());
        root.put("gatlingReports", e.run().gatlingReports().stream().map(p -> p.toString().replace('\\', '/')).toList());
        Map<String, Object> comparison = new LinkedHashMap<>();
        comparison.put("note", content.comparisonNote());
        content.comparison().ifPresent(c -> comparison.putAll(comparison(c)));
        root.put("comparison", comparison);
        e.run().microbenchmarks().ifPresent(rows -> root.put("microbenchmarks", rows.stream().map(JsonReport::benchmark).toList()));
        e.run().experiments().ifPresent(x -> root.put("resilience", x));
        TopologySection.json(e.run().dir()).ifPresent(t -> root.put("topology", t));
        try {
            return Json.MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("cannot write sla-report.json", ex);
        }
    }

    private static Map<String, Object> criterion(CriterionResult r) {
        Criterion c = r.criterion();
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("title", c.title());
        m.put("metric", c.metric().key());
        m.put("target", c.describeTarget());
        m.put("operator", c.target().operator().symbol());
        m.put("threshold", c.target().threshold());
        m.put("unit", c.unit());
        m.put("optional", c.optional());
        m.put("status", r.status().name());
        m.put("failsGate", r.failsGate());
        m.put("measured", r.measured());
        m.put("phase", r.phase());
        m.put("note", r.note());
        m.put("perPhase", r.perPhase());
        return m;
    }

    private static Map<String, Object> comparison(Comparison c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("previousRunId", c.previousRunId());
        m.put("previousDir", c.previousDir().toString());
        m.put("tolerancePercent", c.tolerancePercent());
        m.put("hasRegressions", c.hasRegressions());
        List<Map<String, Object>> criteria = new ArrayList<>();
        for (Comparison.CriterionDelta d : c.criteria()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", d.id());
            row.put("previous", d.previous());
            row.put("current", d.current());
            row.put("delta", d.delta());
            row.put("previousVerdict", d.previousVerdict());
            row.put("currentVerdict", d.currentVerdict());
            row.put("regression", d.regression());
            criteria.add(row);
        }
        m.put("criteria", criteria);
        m.put("endpointP95", c.endpoints());
        return m;
    }

    private static Map<String, Object> benchmark(BenchmarkRow row) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("benchmark", row.benchmark().benchmark());
        m.put("mode", row.benchmark().mode());
        m.put("params", row.benchmark().params());
        m.put("score", row.benchmark().score());
        m.put("error", Double.isNaN(row.benchmark().error()) ? null : row.benchmark().error());
        m.put("unit", row.benchmark().unit());
        m.put("reference", row.reference() == null ? null : row.reference().benchmark());
        m.put("ratioToReference", row.ratio());
        return m;
    }
}
