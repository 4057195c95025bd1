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

    public record Spread(String key, int runs, double min, double max) {
        public double percent() {
            return (max / min - 1) * 100;
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
        Map<String, List<Double>> ratios = new LinkedHashMap<>();
        for (List<JmhResult> run : runs) {
            for (InRunReferences.Paired paired : InRunReferences.pair(run)) {
                if (paired.hasRatio()) {
                    ratios.computeIfAbsent(paired.result().key(), k -> new ArrayList<>()).add(paired.ratio());
                }
            }
        }
        List<Spread> spreads = new ArrayList<>();
        ratios.forEach((key, values) -> spreads.add(new Spread(key, values.size(),
                values.stream().mapToDouble(Double::doubleValue).min().orElseThrow(),
                values.stream().mapToDouble(Double::doubleValue).max().orElseThrow())));
        return new RatioSpread(spreads);
    }

    public List<Spread> spreads() {
        return spreads;
    }

    public double largestPercent() {
        return spreads.stream().mapToDouble(Spread::percent).max().orElse(0);
    }

    public String table() {
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%-90s %5s %8s %8s %8s%n", "Benchmark", "Runs",
                "Min", "Max", "Spread"));
        for (Spread s : spreads) {
            out.append(String.format(Locale.ROOT, "%-90s %5d %8.3f %8.3f %7.1f%%%n", s.key(), s.runs(), s.min(), s.max(),
                    s.percent()));
        }
        return out.append(String.format(Locale.ROOT, "Largest run-to-run spread of a ratio: %.1f%%%n", largestPercent()))
                .toString();
    }
}
