package io.recallbricks.perf.run;

import io.recallbricks.perf.config.PhaseSpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The content of run.json, built up while the run goes (schema in docs/contracts.md section 3). */
final class RunRecord {

    private final Map<String, Object> json = new LinkedHashMap<>();
    private final List<Map<String, Object>> phases = new ArrayList<>();
    private final List<Map<String, Object>> stressSteps = new ArrayList<>();
    private Double breakPointRps;
    private boolean stressRan;

    RunRecord(String runId, String profile, Instant startedAt) {
        json.put("schemaVersion", 1);
        json.put("runId", runId);
        json.put("profile", profile);
        json.put("startedAt", startedAt.toString());
    }

    /** Why the suite stopped before the end (the phases listed are those that completed). */
    void aborted(String reason) {
        json.put("aborted", reason);
    }

    void target(Map<String, Object> target) {
        json.put("target", target);
    }

    void dataset(int tenants, int memoriesPerTenant) {
        json.put("dataset", ordered("tenants", tenants, "memoriesPerTenant", memoriesPerTenant));
    }

    void injector(String name, double cpuSeconds, double wallSeconds, int cores) {
        json.put("injectors", List.of(ordered("name", name, "cpuSeconds", round(cpuSeconds),
                "wallSeconds", round(wallSeconds), "cores", cores)));
    }

    void phase(PhaseResult r) {
        PhaseSpec s = r.spec();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("name", s.name());
        p.put("role", s.role());
        p.put("intendedRps", number(s.load().rps()));
        // Not in the contract's example (readers ignore unknown fields): the length of the arrival window, as
        // finishedAt also includes the answers to the last arrivals.
        p.put("intendedSeconds", s.load().duration().toSeconds());
        p.put("startedAt", r.startedAt().toString());
        p.put("finishedAt", r.finishedAt().toString());
        p.put("judged", s.judged());
        phases.add(p);
    }

    void stressStep(PhaseResult r, boolean held) {
        stressRan = true;
        stressSteps.add(ordered("phase", r.spec().name(), "intendedRps", number(r.spec().load().rps()), "held", held));
        if (held) breakPointRps = r.spec().load().rps();
    }

    Map<String, Object> toJson(Instant finishedAt) {
        Map<String, Object> out = new LinkedHashMap<>(json);
        if (finishedAt != null) out.put("finishedAt", finishedAt.toString());
        out.put("phases", phases);
        if (stressRan) {
            Map<String, Object> stress = new LinkedHashMap<>();
            stress.put("steps", stressSteps);
            stress.put("breakPointRps", breakPointRps == null ? null : number(breakPointRps));
            out.put("stress", stress);
        }
        return out;
    }

    Double breakPointRps() {
        return breakPointRps;
    }

    private static Number number(double v) {
        return v == Math.rint(v) ? (Number) (long) v : (Number) v; // 150, not 150.0
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        return m;
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
