package io.recallbricks.bench.gate;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
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
 * RatioGate update --baseline FILE RESULT.json    rewrite the baseline's ratios from this run (tolerance kept)
 *                  [--tolerance PERCENT] [--profile NAME] [--about TEXT]
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
                return report.passed() ? 0 : 1;
            }
            case "update" -> {
                Path file = a.baseline();
                Baseline old = Files.exists(file) ? Baseline.read(file) : null;
                Map<String, Double> ratios = new LinkedHashMap<>();
                for (InRunReferences.Paired paired : InRunReferences.pair(JmhResultFile.read(a.single()))) {
                    if (paired.hasRatio()) {
                        ratios.put(paired.result().key(), paired.gatedRatio());
                    }
                }
                if (ratios.isEmpty()) {
                    throw new GateInputException(a.single() + " has no benchmark with an in-run reference");
                }
                double tolerance = a.options.containsKey("--tolerance") ? parse(a.options.get("--tolerance"))
                        : old != null ? old.tolerancePercent() : fail("a new baseline needs --tolerance PERCENT");
                String profile = a.options.getOrDefault("--profile", old != null ? old.profile() : "");
                String about = a.options.getOrDefault("--about", old != null ? old.about() : "");
                new Baseline(profile, tolerance, about, ratios).write(file);
                System.out.printf("jmh gate: wrote %d ratios to %s (tolerance +%.0f%%)%n", ratios.size(), file, tolerance);
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
