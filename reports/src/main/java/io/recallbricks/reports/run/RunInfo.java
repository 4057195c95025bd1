package io.recallbricks.reports.run;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What ran: the content of run.json (docs/contracts.md §3). Fields the suite did not write are null.
 * {@code chaosLeftOut} says why the chaos experiments were left out on purpose (an explicit option); null when they
 * were not left out.
 */
public record RunInfo(
        Integer schemaVersion,
        String runId,
        String profile,
        Instant startedAt,
        Instant finishedAt,
        Map<String, Object> target,
        Map<String, Object> dataset,
        List<Injector> injectors,
        List<Phase> phases,
        Stress stress,
        String chaosLeftOut) {

    public RunInfo {
        injectors = injectors == null ? List.of() : List.copyOf(injectors);
        phases = phases == null ? List.of() : List.copyOf(phases);
        target = target == null ? Map.of() : target;
        dataset = dataset == null ? Map.of() : dataset;
    }

    /**
     * A load phase; {@code judged} phases are the ones the criteria judge by default. {@code intendedSeconds} is how
     * long requests arrived; the phase ends later, when the last of them has been answered.
     */
    public record Phase(String name, String role, Double intendedRps, Double intendedSeconds, Instant startedAt,
                        Instant finishedAt, boolean judged, InjectorLoad injector) {

        public Phase(String name, String role, Double intendedRps, Double intendedSeconds, Instant startedAt,
                     Instant finishedAt, boolean judged) {
            this(name, role, intendedRps, intendedSeconds, startedAt, finishedAt, judged, null);
        }

        /** Whether the injector fell behind its schedule in this phase (then nothing measured in it can pass). */
        public boolean injectorBound() {
            return injector != null && Boolean.TRUE.equals(injector.bound());
        }

        /** The phase's wall-clock duration, when run.json gives both ends. */
        public Optional<Duration> duration() {
            return startedAt == null || finishedAt == null ? Optional.empty()
                    : Optional.of(Duration.between(startedAt, finishedAt));
        }

        /**
         * The window requests arrived in: {@code intendedSeconds} when run.json gives it, else the whole phase. The
         * rate a phase achieved is its responses over this window; the time the last responses took after it is
         * latency, which the latency criteria judge.
         */
        public Optional<Duration> arrivalWindow() {
            return intendedSeconds == null ? duration() : Optional.of(Duration.ofMillis(Math.round(intendedSeconds * 1000)));
        }
    }

    /**
     * How the injector kept up with its schedule in one phase: the rate it really sent inside the arrival window,
     * its scheduling lag (how late a 10 ms timer of the injector fired: p99 and max, ms), its own CPU as a share of
     * the machine, and whether it was the bottleneck ({@code bound}, with {@code why}).
     */
    public record InjectorLoad(Double sentRps, Double sendLagP99Ms, Double sendLagMaxMs, Double cpuShare,
                               Boolean bound, String why) {
    }

    /** One load-generating process; its CPU seconds over wall seconds is the suite's own overhead. */
    public record Injector(String name, Double cpuSeconds, Double wallSeconds, Integer cores) {
    }

    /** The stress run: steps of rising rate and the last one that held. */
    public record Stress(List<Step> steps, Double breakPointRps, Double breakPointGoodRps, String limitedBy,
                         Double resolutionPercent) {
        public Stress {
            steps = steps == null ? List.of() : List.copyOf(steps);
        }

        public Stress(List<Step> steps, Double breakPointRps) {
            this(steps, breakPointRps, null, null, null);
        }

        /**
         * @param missed why the step did not hold (empty when it held)
         * @param goodRps the step's good rate
         */
        public record Step(String phase, Double intendedRps, Boolean held, List<String> missed, Double goodRps) {
            public Step(String phase, Double intendedRps, Boolean held) {
                this(phase, intendedRps, held, null, null);
            }
        }
    }

    public Optional<Phase> phase(String name) {
        return phases.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
