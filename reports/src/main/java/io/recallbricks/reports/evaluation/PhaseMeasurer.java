package io.recallbricks.reports.evaluation;

import io.recallbricks.reports.Format;
import io.recallbricks.reports.criteria.Criterion;
import io.recallbricks.reports.criteria.Metric;
import io.recallbricks.reports.criteria.SampleQuantity;
import io.recallbricks.reports.run.EndpointOutcome;
import io.recallbricks.reports.run.PhaseLatency;
import io.recallbricks.reports.run.PhaseResults;
import io.recallbricks.reports.run.RunFolder;
import io.recallbricks.reports.run.RunInfo;
import io.recallbricks.reports.run.RunResults;
import io.recallbricks.reports.run.ServerSample;
import org.HdrHistogram.Histogram;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/** Measures a phase-scoped criterion in one phase. The definitions are those of reports/README.md. */
final class PhaseMeasurer {

    private final RunResults run;
    private final Map<String, List<ServerSample>> samplesByPhase;

    PhaseMeasurer(RunResults run) {
        this.run = run;
        this.samplesByPhase = RunFolder.samplesByPhase(run.samples());
    }

    PhaseValue measure(Criterion c, String phaseName) {
        PhaseResults phase = run.phases().get(phaseName);
        if (phase == null && c.metric() != Metric.SERVER_SAMPLE) {
            return missing(phaseName, "no results folder for phase " + phaseName);
        }
        return switch (c.metric()) {
            case AVAILABILITY -> availability(phase);
            case ERROR_RATE -> errorRate(phase);
            case LATENCY -> latency(c, phase);
            case THROUGHPUT -> throughput(phase);
            case SERVER_SAMPLE -> serverSample(c, phaseName);
            case RESILIENCE, BREAK_POINT -> throw new IllegalArgumentException(c.metric().key() + " is not measured per phase");
        };
    }

    private PhaseValue availability(PhaseResults phase) {
        Optional<EndpointOutcome> total = phase.totalOutcome();
        if (total.isEmpty() || total.get().total() == 0) {
            return missing(phase.name(), "no outcomes recorded");
        }
        if (total.get().byStatus().isEmpty()) {
            return missing(phase.name(), "outcomes carry no byStatus counts");
        }
        EndpointOutcome o = total.get();
        return new PhaseValue(phase.name(), 100.0 * (o.total() - o.unavailable()) / o.total(),
                o.unavailable() + " of " + o.total() + " responses 5xx, timeout or connection error");
    }

    private PhaseValue errorRate(PhaseResults phase) {
        Optional<EndpointOutcome> total = phase.totalOutcome();
        if (total.isEmpty() || total.get().total() == 0) {
            return missing(phase.name(), "no outcomes recorded");
        }
        EndpointOutcome o = total.get();
        return new PhaseValue(phase.name(), 100.0 * o.ko() / o.total(), o.ko() + " KO of " + o.total());
    }

    private PhaseValue latency(Criterion c, PhaseResults phase) {
        if (phase.latency().isEmpty()) {
            return missing(phase.name(), "no latency logs");
        }
        PhaseLatency latency = phase.latency().get();
        double p = c.percentile();
        switch (c.endpoint()) {
            case Criterion.ALL_REQUESTS -> {
                Histogram all = latency.allRequests();
                return all.getTotalCount() == 0 ? missing(phase.name(), "no responses")
                        : new PhaseValue(phase.name(), PhaseLatency.percentileMs(all, p),
                        "p" + percentile(p) + " of all " + all.getTotalCount() + " responses");
            }
            case Criterion.EACH_ENDPOINT -> {
                String worst = null;
                double worstValue = Double.NEGATIVE_INFINITY;
                for (Map.Entry<String, Histogram> e : latency.byEndpoint().entrySet()) {
                    double v = PhaseLatency.percentileMs(e.getValue(), p);
                    if (e.getValue().getTotalCount() > 0 && v > worstValue) {
                        worst = e.getKey();
                        worstValue = v;
                    }
                }
                return worst == null ? missing(phase.name(), "no responses")
                        : new PhaseValue(phase.name(), worstValue, "p" + percentile(p) + " of " + worst + ", the worst endpoint");
            }
            default -> {
                Histogram h = latency.byEndpoint().get(c.endpoint());
                return h == null || h.getTotalCount() == 0
                        ? missing(phase.name(), "no " + c.endpoint() + " responses")
                        : new PhaseValue(phase.name(), PhaseLatency.percentileMs(h, p),
                        "p" + percentile(p) + " of " + h.getTotalCount() + " " + c.endpoint() + " responses");
            }
        }
    }

    /**
     * Goodput: OK responses (the expected status, inside the client timeout) to requests sent inside the phase's
     * arrival window that also completed inside it, per second of the window. A response that arrives after the
     * window, however fast the service then was, did not serve the rate the window offered.
     */
    private PhaseValue throughput(PhaseResults phase) {
        Optional<EndpointOutcome> total = phase.totalOutcome();
        if (total.isEmpty() || total.get().total() == 0) {
            return missing(phase.name(), "no outcomes recorded");
        }
        if (!total.get().hasWindowCounts()) {
            return missing(phase.name(), "outcomes carry no window counts (sentInWindow, completedInWindow, "
                    + "goodInWindow): written by a load suite older than goodput");
        }
        Optional<Double> window = phase.info().flatMap(RunInfo.Phase::arrivalWindow).map(d -> d.toMillis() / 1000.0);
        if (window.isEmpty() || window.get() <= 0) {
            return missing(phase.name(), "run.json gives the phase no arrival window");
        }
        EndpointOutcome o = total.get();
        double seconds = window.get();
        String offered = phase.info().map(RunInfo.Phase::intendedRps).map(r -> "offered " + Format.number(r, 1) + ", ")
                .orElse("");
        return new PhaseValue(phase.name(), o.goodInWindow() / seconds, String.format(
                "good responses per second of the %s s window (%ssent %s, achieved %s, good %s rps)",
                Format.number(seconds, 1), offered, Format.number(o.sentInWindow() / seconds, 1),
                Format.number(o.completedInWindow() / seconds, 1), Format.number(o.goodInWindow() / seconds, 1)));
    }

    private PhaseValue serverSample(Criterion c, String phaseName) {
        List<ServerSample> samples = samplesByPhase.getOrDefault(phaseName, List.of());
        if (samples.isEmpty()) {
            return missing(phaseName, "no server samples");
        }
        for (SampleQuantity q : c.samples()) {
            List<Double> values = samples.stream().map(s -> s.quantity(q)).filter(OptionalDouble::isPresent)
                    .map(OptionalDouble::getAsDouble).toList();
            if (!values.isEmpty()) {
                return new PhaseValue(phaseName, c.statistic().apply(values),
                        c.statistic().key() + " of " + values.size() + " " + q.key() + " samples");
            }
        }
        return missing(phaseName, "samples carry none of "
                + c.samples().stream().map(SampleQuantity::key).toList());
    }

    private static String percentile(double p) {
        return p == Math.rint(p) ? String.valueOf((long) p) : String.valueOf(p);
    }

    private static PhaseValue missing(String phase, String why) {
        return new PhaseValue(phase, null, why);
    }
}
