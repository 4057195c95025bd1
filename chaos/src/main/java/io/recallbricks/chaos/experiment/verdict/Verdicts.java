package io.recallbricks.chaos.experiment.verdict;

import io.recallbricks.chaos.experiment.Dependency;
import io.recallbricks.chaos.experiment.load.ResponseRecord;
import io.recallbricks.chaos.experiment.observe.ServiceSample;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Judges an {@link Observation} against its {@link Bounds}: what issue 8 requires of every experiment, one
 * {@link Check} each. The verdict is passed only when every check holds.
 */
public final class Verdicts {

    public static final String DATABASE_UNAVAILABLE = "DATABASE_UNAVAILABLE";
    static final String KEYWORD = "keyword";

    private Verdicts() {
    }

    /** The breaker changes seen in one source ({@code metrics} or {@code health}), in order. */
    public static List<Transition> transitions(List<ServiceSample> samples, String source) {
        List<Transition> out = new ArrayList<>();
        Map<String, String> last = new TreeMap<>();
        for (ServiceSample s : samples) {
            Map<String, String> states = source.equals("metrics") ? s.metricsBreakers() : s.healthBreakers();
            if (states == null) {
                continue;
            }
            states.forEach((breaker, state) -> {
                String before = last.put(breaker, state);
                if (before != null && !before.equals(state)) {
                    out.add(new Transition(s.tMs(), breaker, before, state));
                }
            });
        }
        return out;
    }

    /** When the breaker was first seen open at or after {@code fromMs}; null if never. */
    static Long firstOpen(List<ServiceSample> samples, String breaker, String source, long fromMs) {
        for (ServiceSample s : samples) {
            String state = state(s, breaker, source);
            if (s.tMs() >= fromMs && "open".equals(state)) {
                return s.tMs();
            }
        }
        return null;
    }

    /** From when on (at or after {@code fromMs}) the breaker was seen closed in every later sample; null if not. */
    static Long closedFrom(List<ServiceSample> samples, String breaker, String source, long fromMs) {
        Long closedSince = null;
        for (ServiceSample s : samples) {
            if (s.tMs() < fromMs) {
                continue;
            }
            String state = state(s, breaker, source);
            if (state == null) {
                continue;
            }
            if ("closed".equals(state)) {
                closedSince = closedSince == null ? s.tMs() : closedSince;
            } else {
                closedSince = null;
            }
        }
        return closedSince;
    }

    private static String state(ServiceSample s, String breaker, String source) {
        Map<String, String> states = source.equals("metrics") ? s.metricsBreakers() : s.healthBreakers();
        return states == null ? null : states.get(breaker);
    }

    /** Responses started while the breaker was seen open in /metrics (between two samples that both said open). */
    static List<ResponseRecord> duringOpen(Observation o, String breaker) {
        List<long[]> spans = new ArrayList<>();
        ServiceSample previous = null;
        for (ServiceSample s : o.samples()) {
            if (previous != null && "open".equals(state(previous, breaker, "metrics"))
                    && "open".equals(state(s, breaker, "metrics"))) {
                spans.add(new long[] {previous.tMs(), s.tMs()});
            }
            previous = s;
        }
        return o.responses().stream()
                .filter(r -> spans.stream().anyMatch(span -> r.startMs() >= span[0] && r.startMs() < span[1]))
                .toList();
    }

    public static Map<String, Long> byOutcome(List<ResponseRecord> responses) {
        return responses.stream().collect(Collectors.groupingBy(ResponseRecord::outcomeKey, TreeMap::new,
                Collectors.counting()));
    }

    public static Double mttr(Observation o, Bounds b) {
        Recovery.Limits limits = Recovery.Limits.fromSteady(o.between(o.steadyStartMs(), o.injectedAtMs()));
        return Recovery.mttrSeconds(o.responses(), o.removedAtMs(), o.endMs(), limits, b.stableWindow().toMillis());
    }

    public static List<Check> evaluate(Observation o, Bounds b) {
        List<Check> checks = new ArrayList<>();
        String breaker = o.dependency().breaker();
        List<ResponseRecord> steady = o.between(o.steadyStartMs(), o.injectedAtMs());
        List<ResponseRecord> fault = o.between(o.injectedAtMs(), o.removedAtMs());
        List<ResponseRecord> afterInjection = o.between(o.injectedAtMs(), Long.MAX_VALUE);

        // Steady state before the fault.
        double steadyErrors = Stats.errorRatePercent(steady);
        boolean closedBefore = o.samples().stream().filter(s -> s.tMs() < o.injectedAtMs())
                .allMatch(s -> s.metricsBreakers() == null || !s.metricsBreakers().containsValue("open"));
        checks.add(Check.of("steady-state-before", !steady.isEmpty() && steadyErrors <= b.maxErrorRatePercent() && closedBefore,
                String.format("%d responses, error rate %.2f%% (limit %.1f%%), p95 %d ms, breakers %s",
                        steady.size(), steadyErrors, b.maxErrorRatePercent(), Stats.percentileMs(steady, 95),
                        closedBefore ? "closed" : "not all closed")));

        // The right breaker opens, in both places an operator looks, within the bound.
        for (String source : List.of("metrics", "health")) {
            Long opened = firstOpen(o.samples(), breaker, source, o.injectedAtMs());
            long bound = b.breakerOpen().toMillis();
            checks.add(Check.of("breaker-opens-" + source,
                    opened != null && opened - o.injectedAtMs() <= bound && opened <= o.removedAtMs(),
                    opened == null ? "'" + breaker + "' never seen open in /" + source
                            : String.format("'%s' open in /%s %.1f s after injection (bound %.1f s)", breaker, source,
                            (opened - o.injectedAtMs()) / 1000.0, bound / 1000.0)));
            Long closed = closedFrom(o.samples(), breaker, source, o.removedAtMs());
            long closeBound = b.breakerClose().toMillis();
            checks.add(Check.of("breaker-closes-" + source,
                    closed != null && closed - o.removedAtMs() <= closeBound,
                    closed == null ? "'" + breaker + "' not closed at the end in /" + source
                            : String.format("'%s' closed in /%s %.1f s after removal (bound %.1f s)", breaker, source,
                            (closed - o.removedAtMs()) / 1000.0, closeBound / 1000.0)));
        }

        // Responses during the fault are what the design promises.
        if (o.dependency() == Dependency.DATABASE) {
            List<ResponseRecord> other = fault.stream().filter(r -> !r.ok() && !designed503(r)).toList();
            checks.add(Check.of("responses-as-designed", other.isEmpty(),
                    String.format("%d responses during the fault: %s; not 2xx nor 503+Retry-After+%s: %d %s",
                            fault.size(), byOutcome(fault), DATABASE_UNAVAILABLE, other.size(), describe(other))));
            List<ResponseRecord> refused = duringOpen(o, breaker).stream().filter(Verdicts::designed503).toList();
            long median = Stats.percentileMs(refused, 50);
            checks.add(Check.of("fast-503-while-open", !refused.isEmpty() && median <= b.fastAnswer().toMillis(),
                    String.format("%d requests refused while the breaker was open, median %d ms, p95 %d ms (bound: median %d ms)",
                            refused.size(), median, Stats.percentileMs(refused, 95), b.fastAnswer().toMillis())));
        } else {
            List<ResponseRecord> failed = fault.stream().filter(r -> !r.ok()).toList();
            checks.add(Check.of("responses-as-designed", failed.isEmpty(),
                    String.format("%d responses during the fault: %s; failed: %d %s", fault.size(), byOutcome(fault),
                            failed.size(), describe(failed))));
            // A query sent before may be ranked hybrid from the service's embedding cache: only new queries need the API.
            List<ResponseRecord> retrieval = duringOpen(o, breaker).stream()
                    .filter(r -> r.endpoint().retrieval() && r.ok() && r.freshQuery()).toList();
            List<ResponseRecord> notKeyword = retrieval.stream().filter(r -> !KEYWORD.equals(r.searchMethod())).toList();
            checks.add(Check.of("keyword-fallback", !retrieval.isEmpty() && notKeyword.isEmpty(),
                    String.format("%d predict/suggest/search answers to new queries while the breaker was open, "
                                    + "%d without search_method keyword %s",
                            retrieval.size(), notKeyword.size(),
                            notKeyword.stream().map(r -> r.endpoint().tag() + ":" + r.searchMethod()).distinct().toList())));
        }

        // No response slower than the configured timeouts, none without an answer.
        long max = Stats.maxMs(afterInjection);
        long unanswered = afterInjection.stream().filter(r -> r.status() == 0).count();
        List<ResponseRecord> tooSlow = afterInjection.stream().filter(r -> r.latencyMs() > b.latency().toMillis()).toList();
        checks.add(Check.of("latency-bounded", tooSlow.isEmpty() && unanswered == 0,
                String.format("slowest response after injection %d ms (bound %d ms), %d slower: %s, %d without an answer",
                        max, b.latency().toMillis(), tooSlow.size(), describeSlow(tooSlow, o.injectedAtMs()), unanswered)));

        // The process stays up, with bounded threads and heap.
        checks.add(processBounded(o, b));

        // Nothing acknowledged is lost, nothing half-written.
        var w = o.writes();
        checks.add(Check.of("writes-safe", w.lost() == 0 && w.halfWritten() == 0 && w.unanswered() == 0 && w.acknowledged() > 0,
                String.format("%d writes: %d acknowledged, %d verified intact, %d lost; %d not acknowledged: %d absent, "
                                + "%d complete, %d half-written; %d unanswered%s", w.total(), w.acknowledged(),
                        w.verifiedIntact(), w.lost(), w.unacknowledged(), w.absent(), w.complete(), w.halfWritten(),
                        w.unanswered(), w.problems().isEmpty() ? "" : " " + w.problems())));

        // Recovery.
        Double mttr = mttr(o, b);
        checks.add(Check.of("recovers", mttr != null && mttr <= b.recovery().toSeconds(),
                mttr == null ? "error rate and p95 not back to steady state for " + b.stableWindow().toSeconds()
                        + " s before the end (bound " + b.recovery().toSeconds() + " s)"
                        : String.format("back to steady state %.0f s after removal (bound %d s)", mttr,
                        b.recovery().toSeconds())));

        if (o.backfill() != null) {
            Backfill f = o.backfill();
            boolean done = f.pending() == f.embedded() && f.secondsAfterRemoval() != null
                    && f.secondsAfterRemoval() <= b.backfill().toSeconds();
            checks.add(Check.of("embedded-after-recovery", done && f.pending() > 0,
                    String.format("%d memories stored without an embedding during the fault, %d embedded afterwards%s (bound %d s)",
                            f.pending(), f.embedded(), f.secondsAfterRemoval() == null ? ""
                                    : String.format(", the last %.1f s after removal", f.secondsAfterRemoval()),
                            b.backfill().toSeconds())));
        }
        return checks;
    }

    /** The steady-state hypothesis after the fault: the last stable window is within the steady-state limits. */
    public static boolean steadyAfter(Observation o, Bounds b) {
        Recovery.Limits limits = Recovery.Limits.fromSteady(o.between(o.steadyStartMs(), o.injectedAtMs()));
        List<ResponseRecord> tail = o.between(o.endMs() - b.stableWindow().toMillis(), o.endMs());
        ServiceSample last = o.samples().isEmpty() ? null : o.samples().get(o.samples().size() - 1);
        boolean closed = last != null && last.metricsBreakers() != null
                && last.metricsBreakers().values().stream().allMatch("closed"::equals);
        return !tail.isEmpty() && limits.holds(tail) && closed;
    }

    static boolean designed503(ResponseRecord r) {
        return r.status() == 503 && r.retryAfter() && DATABASE_UNAVAILABLE.equals(r.errorCode());
    }

    private static Check processBounded(Observation o, Bounds b) {
        double steadyThreads = o.samples().stream().filter(s -> s.tMs() < o.injectedAtMs())
                .map(ServiceSample::threads).filter(Objects::nonNull).mapToDouble(Double::doubleValue).max().orElse(0);
        double peakThreads = o.samples().stream().map(ServiceSample::threads).filter(Objects::nonNull)
                .mapToDouble(Double::doubleValue).max().orElse(0);
        // Little's law: at most rate x longest response requests can be in flight, each holding at most one thread.
        double threadBound = steadyThreads + o.rps() * b.latency().toSeconds();
        double peakHeapRatio = o.samples().stream()
                .filter(s -> s.heapUsedBytes() != null && s.heapMaxBytes() != null && s.heapMaxBytes() > 0)
                .mapToDouble(s -> s.heapUsedBytes() / s.heapMaxBytes()).max().orElse(0);
        ServiceSample last = o.samples().isEmpty() ? null : o.samples().get(o.samples().size() - 1);
        boolean up = o.processAlive() && last != null && last.answered();
        return Check.of("process-bounded", up && peakThreads <= threadBound && peakHeapRatio < 0.95,
                String.format("process %s; threads %.0f steady, %.0f peak (bound %.0f = steady + %.0f rps x %d s); "
                                + "heap peak %.0f%% of max", up ? "up and answering" : "DOWN or not answering",
                        steadyThreads, peakThreads, threadBound, o.rps(), b.latency().toSeconds(), 100 * peakHeapRatio));
    }

    private static String describeSlow(List<ResponseRecord> slow, long injectedAtMs) {
        return slow.stream().limit(5).map(r -> String.format("%s %s %d ms (sent at +%.1f s)", r.endpoint().tag(),
                r.outcomeKey(), r.latencyMs(), (r.startMs() - injectedAtMs) / 1000.0)).toList().toString();
    }

    private static String describe(List<ResponseRecord> responses) {
        Map<String, Long> kinds = responses.stream().collect(Collectors.groupingBy(
                r -> r.endpoint().tag() + " " + r.outcomeKey() + (r.errorCode() == null ? "" : " " + r.errorCode())
                        + (r.status() == 503 && !r.retryAfter() ? " (no Retry-After)" : ""),
                TreeMap::new, Collectors.counting()));
        return kinds.isEmpty() ? "" : kinds.toString();
    }
}
