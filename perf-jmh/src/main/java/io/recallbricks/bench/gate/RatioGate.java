package io.recallbricks.bench.gate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The JMH regression gate: compares each benchmark's ratio to its in-run reference with a committed baseline.
 * Ratios, not absolute times, because on a shared two-core machine absolute times move with the neighbours'
 * load while a benchmark and its reference, measured in the same run, move together.
 *
 * <pre>
 * RatioGate check  --baseline FILE RESULT.json    exit 0 passed, 1 a ratio regressed or a baseline entry is missing
 * RatioGate update --baseline FILE RESULT.json... rewrite the baseline from one run, or from several runs of the
 *                  [--tolerance PERCENT]           same build: then each ratio is their median and each benchmark's
 *                  [--profile NAME] [--about TEXT] tolerance is twice its measured spread, rounded up to 5 %, and at
 *                  [--only PREFIX]                 least the floor (--tolerance, else the file's). --only: rewrite just
 *                  [--at-least OTHER.json]         the benchmarks whose name starts with PREFIX, keep the file's others.
 *                                                  --at-least: no tolerance below OTHER's for the same benchmark
 * RatioGate spread RESULT.json RESULT.json...     run-to-run spread of the ratios (to choose the tolerance)
 * </pre>
 * Exit 2 on unusable input (missing file, not JMH JSON, bad baseline, bad arguments), with one line on stderr.
 */
public final class RatioGate {

    private RatioGate() {
    }

    public static void main(String[] args) {
        int exit;
        try {
            exit = run(args);
        } catch (GateInputException e) {
            System.err.println("jmh gate: " + e.getMessage());
            exit = 2;
        } catch (IOException e) {
            System.err.println("jmh gate: " + e.getMessage());
            exit = 2;
        }
        System.exit(exit);
    }

    static int run(String[] args) throws IOException {
        if (args.length == 0) {
            throw new GateInputException("usage: RatioGate check|update|spread ... (see perf-jmh/README.md)");
        }
        Arguments a = Arguments.parse(Arrays.copyOfRange(args, 1, args.length));
        switch (args[0]) {
            case "check" -> {
                GateReport report = GateReport.judge(JmhResultFile.read(a.single()), Baseline.read(a.baseline()));
                System.out.print(report.table());
                // Beside the result: the SLA report shows which benchmarks gate and which are report-only.
                Path gateFile = a.single().toAbsolutePath().resolveSibling("gate.json");
                new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter()
                        .writeValue(gateFile.toFile(), report.toJson());
                return report.passed() ? 0 : 1;
            }
            case "update" -> {
                Path file = a.baseline();
                Baseline old = Files.exists(file) ? Baseline.read(file) : null;
                if (a.files.isEmpty()) {
                    throw new GateInputException("update needs at least one JMH result file");
                }
                String only = a.options.get("--only");
                if (only != null && old == null) {
                    throw new GateInputException("--only updates part of an existing baseline; " + file + " does not exist");
                }
                Map<String, List<Double>> measured = new LinkedHashMap<>();
                for (Path result : a.files) {
                    for (InRunReferences.Paired paired : InRunReferences.pair(JmhResultFile.read(result))) {
                        if (paired.hasRatio() && (only == null || paired.result().key().startsWith(only))) {
                            measured.computeIfAbsent(paired.result().key(), k -> new ArrayList<>()).add(paired.gatedRatio());
                        }
                    }
                }
                if (measured.isEmpty()) {
                    throw new GateInputException(a.files + " have no benchmark with an in-run reference"
                            + (only == null ? "" : " starting with '" + only + "'"));
                }
                double floor = a.options.containsKey("--tolerance") ? parse(a.options.get("--tolerance"))
                        : old != null ? old.tolerancePercent() : fail("a new baseline needs --tolerance PERCENT");
                // Few runs understate a noisy benchmark's spread; another baseline measured over more runs bounds it.
                Baseline atLeast = a.options.containsKey("--at-least") ? Baseline.read(Path.of(a.options.get("--at-least"))) : null;
                Map<String, Double> ratios = new LinkedHashMap<>();
                Map<String, Double> tolerances = new LinkedHashMap<>();
                if (only != null) {
                    // A change that touched some benchmarks re-measures those; the others keep what was measured for them.
                    old.ratios().forEach((key, ratio) -> {
                        if (!key.startsWith(only)) {
                            ratios.put(key, ratio);
                            if (old.tolerances().containsKey(key)) {
                                tolerances.put(key, old.tolerances().get(key));
                            }
                        }
                    });
                }
                measured.forEach((key, values) -> {
                    ratios.put(key, median(values));
                    Double tolerance = null;
                    if (values.size() > 1) {
                        double spread = (Collections.max(values) / Collections.min(values) - 1) * 100;
                        // (1e-9: 1.3 / 1.0 - 1 is 0.30000000000000004 in doubles, which must not round up to the next 5 %.)
                        tolerance = Math.max(floor, Math.ceil(2 * spread / 5 - 1e-9) * 5);
                    } else if (old != null && old.tolerances().containsKey(key)) {
                        tolerance = Math.max(floor, old.tolerances().get(key));
                    }
                    if (atLeast != null && atLeast.ratios().containsKey(key)) {
                        tolerance = Math.max(tolerance == null ? floor : tolerance, atLeast.tolerance(key));
                    }
                    if (tolerance != null) {
                        tolerances.put(key, tolerance);
                    }
                });
                String profile = a.options.getOrDefault("--profile", old != null ? old.profile() : "");
                String about = a.options.getOrDefault("--about", old != null ? old.about() : "");
                new Baseline(profile, floor, about, ratios, tolerances).write(file);
                System.out.printf("jmh gate: wrote %d ratios (%d measured) from %d run(s) to %s (tolerance floor +%.0f%%)%n",
                        ratios.size(), measured.size(), a.files.size(), file, floor);
                return 0;
            }
            case "spread" -> {
                List<List<JmhResult>> runs = new ArrayList<>();
                for (Path file : a.files) {
                    runs.add(JmhResultFile.read(file));
                }
                System.out.print(RatioSpread.of(runs).table());
                return 0;
            }
            default -> throw new GateInputException("unknown command '" + args[0] + "' (check, update or spread)");
        }
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double parse(String number) {
        try {
            return Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new GateInputException("--tolerance must be a number of percent, not '" + number + "'");
        }
    }

    private static double fail(String message) {
        throw new GateInputException(message);
    }

    /** {@code --name value} options and the remaining file arguments. */
    private record Arguments(Map<String, String> options, List<Path> files) {

        static Arguments parse(String[] args) {
            Map<String, String> options = new LinkedHashMap<>();
            List<Path> files = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                if (args[i].startsWith("--")) {
                    if (i + 1 >= args.length) {
                        throw new GateInputException(args[i] + " needs a value");
                    }
                    options.put(args[i], args[++i]);
                } else {
                    files.add(Path.of(args[i]));
                }
            }
            return new Arguments(options, files);
        }

        Path baseline() {
            String file = options.get("--baseline");
            if (file == null) {
                throw new GateInputException("--baseline FILE is required");
            }
            return Path.of(file);
        }

        Path single() {
            if (files.size() != 1) {
                throw new GateInputException("expected one JMH result file, got " + files.size());
            }
            return files.get(0);
        }
    }
}
