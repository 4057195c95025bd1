package io.recallbricks.reports.run;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What ran: the content of run.json (docs/contracts.md §3). Fields the suite did not write are null. */
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
        Stress stress) {

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
                        Instant finishedAt, boolean judged) {
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

    /** One load-generating process; its CPU seconds over wall seconds is the suite's own overhead. */
    public record Injector(String name, Double cpuSeconds, Double wallSeconds, Integer cores) {
    }

    /** The stress run: steps of rising rate and the last one that held. */
    public record Stress(List<Step> steps, Double breakPointRps) {
        public Stress {
            steps = steps == null ? List.of() : List.copyOf(steps);
        }

        public record Step(String phase, Double intendedRps, Boolean held) {
        }
    }

    public Optional<Phase> phase(String name) {
        return phases.stream().filter(p -> p.name().equals(name)).findFirst();
    }
}
