package io.recallbricks.bench.gate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Run-to-run spread of the ratios over several runs of the same profile on the same machine: per benchmark, the
 * smallest and largest ratio and how far apart they are ({@code max / min − 1}). The gate's tolerance must sit
 * above the largest spread, or an unchanged build fails by chance.
 */
public final class RatioSpread {

    /** Spread of the gated ratio, and of the wall-clock mean ratio for comparison. */
    public record Spread(String key, int runs, double min, double max, double meanMin, double meanMax) {
        public double percent() {
            return (max / min - 1) * 100;
        }

        public double meanPercent() {
            return (meanMax / meanMin - 1) * 100;
        }
    }

    private final List<Spread> spreads;

    private RatioSpread(List<Spread> spreads) {
        this.spreads = List.copyOf(spreads);
    }

    public static RatioSpread of(List<List<JmhResult>> runs) {
        if (runs.size() < 2) {
            throw new GateInputException("spread needs at least two runs");
        }
        Map<String, List<InRunReferences.Paired>> ratios = new LinkedHashMap<>();
        for (List<JmhResult> run : runs) {
            for (InRunReferences.Paired paired : InRunReferences.pair(run)) {
                if (paired.hasRatio()) {
                    ratios.computeIfAbsent(paired.result().key(), k -> new ArrayList<>()).add(paired);
                }
            }
        }
        List<Spread> spreads = new ArrayList<>();
        ratios.forEach((key, values) -> spreads.add(new Spread(key, values.size(),
                values.stream().mapToDouble(InRunReferences.Paired::gatedRatio).min().orElseThrow(),
                values.stream().mapToDouble(InRunReferences.Paired::gatedRatio).max().orElseThrow(),
                values.stream().mapToDouble(InRunReferences.Paired::meanRatio).min().orElseThrow(),
                values.stream().mapToDouble(InRunReferences.Paired::meanRatio).max().orElseThrow())));
        return new RatioSpread(spreads);
    }

    public List<Spread> spreads() {
        return spreads;
    }

    public double largestPercent() {
        return spreads.stream().mapToDouble(Spread::percent).max().orElse(0);
    }

    public double largestMeanPercent() {
        return spreads.stream().mapToDouble(Spread::meanPercent).max().orElse(0);
    }

    public String table() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-72s %4s %8s %8s %8s   %s%n", "Benchmark",
                "Runs", "Min", "Max", "Spread", "(wall-clock mean-ratio spread)"));
        for (Spread s : spreads) {
            String key = s.key().startsWith("io.recallbricks.bench.") ? s.key().substring(22) : s.key();
            out.append(String.format(Locale.ROOT, "%-72s %4d %8.3f %8.3f %7.1f%%   (%.1f%%)%n", key, s.runs(), s.min(),
                    s.max(), s.percent(), s.meanPercent()));
        }
        return out.append(String.format(Locale.ROOT, "Largest run-to-run spread: gated ratio %.1f%%, wall-clock mean ratio %.1f%%%n",
                largestPercent(), largestMeanPercent())).toString();
    }
}
