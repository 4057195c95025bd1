package io.recallbricks.perf.config;

/**
 * One load phase as run.json records it. The role says what the report judges it as: warmup (never judged),
 * baseline, sustained, peak, stress (one per step) or soak.
 */
public record PhaseSpec(String name, String role, LoadStep load, boolean judged) {

    public static PhaseSpec warmup(LoadStep load) {
        return new PhaseSpec("warmup", "warmup", load, false);
    }

    public static PhaseSpec judged(String role, LoadStep load) {
        return new PhaseSpec(role, role, load, true);
    }

    /**
     * A stress step, named after the total rate of all injectors ({@code stress-800}) so that the slices of
     * several injectors merge by name. Not judged by the SLA gate: a stress step is expected to fail eventually;
     * run.json's "stress" carries its verdict.
     */
    public static PhaseSpec stressStep(double totalRps, LoadStep slice) {
        return new PhaseSpec("stress-" + LoadStep.formatRate(totalRps), "stress", slice, false);
    }
}
