package io.recallbricks.perf.run;

import io.recallbricks.perf.config.PhaseSpec;
import io.recallbricks.perf.record.InjectorCheck;
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
    private Double breakPointGoodRps;
    private String limitedBy;
    private Double resolutionPercent;
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

    void dataset(int tenants, int memoriesPerTenant, int largestTenants, int largestTenantMemories) {
        Map<String, Object> d = ordered("tenants", tenants, "memoriesPerTenant", memoriesPerTenant);
        if (largestTenants > 0) {
            d.put("largestTenants", largestTenants);
            d.put("largestTenantMemories", largestTenantMemories);
        }
        json.put("dataset", d);
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
        if (r.injector() != null) {
            InjectorCheck.Load i = r.injector();
            p.put("injector", ordered("sentRps", round(i.sentRps()), "sendLagP99Ms", round(i.lagP99Ms()),
                    "sendLagMaxMs", round(i.lagMaxMs()), "cpuShare", Math.round(i.cpuShare() * 1000) / 1000.0,
                    "bound", i.bound(), "why", i.bound() ? i.whyText() : null));
        }
        phases.add(p);
    }

    /** A stress step, in the order it ran (ladder, then bisection); the break point is the highest held rate. */
    void stressStep(PhaseResult r, List<String> missed) {
        stressRan = true;
        boolean held = missed.isEmpty();
        double rate = r.spec().load().rps();
        stressSteps.add(ordered("phase", r.spec().name(), "intendedRps", number(rate), "held", held,
                "missed", missed, "goodRps", round(r.goodRps())));
        if (held && (breakPointRps == null || rate > breakPointRps)) {
            breakPointRps = rate;
            breakPointGoodRps = r.goodRps();
        }
    }

    /** A judged phase that held the step criteria: the break point is at least its rate, whatever the stress steps do. */
    void heldBeforeStress(PhaseResult r) {
        breakPointRps = r.spec().load().rps();
        breakPointGoodRps = r.goodRps();
    }

    /** Which resource ran out at the lowest broken rate, and how far apart the last held and first broken rate are. */
    void stressOutcome(String limitedBy, Double resolutionPercent) {
        this.limitedBy = limitedBy;
        this.resolutionPercent = resolutionPercent;
    }

    /** The chaos experiments were left out on purpose (the option that did it). */
    void chaosLeftOut(String why) {
        json.put("chaosLeftOut", why);
    }

    Map<String, Object> toJson(Instant finishedAt) {
        Map<String, Object> out = new LinkedHashMap<>(json);
        if (finishedAt != null) out.put("finishedAt", finishedAt.toString());
        out.put("phases", phases);
        if (stressRan) {
            Map<String, Object> stress = new LinkedHashMap<>();
            stress.put("steps", stressSteps);
            stress.put("breakPointRps", breakPointRps == null ? null : number(breakPointRps));
            stress.put("breakPointGoodRps", breakPointGoodRps == null ? null : round(breakPointGoodRps));
            stress.put("limitedBy", limitedBy);
            stress.put("resolutionPercent", resolutionPercent == null ? null : round(resolutionPercent));
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
