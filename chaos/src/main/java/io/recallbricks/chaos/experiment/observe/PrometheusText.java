package io.recallbricks.chaos.experiment.observe;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Just enough of the Prometheus text format to read the gauges the experiments watch. */
public final class PrometheusText {

    private static final Pattern LINE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private PrometheusText() {
    }

    /** One sample line: its name, labels and value. */
    public record Series(String name, Map<String, String> labels, double value) {
    }

    public static java.util.List<Series> parse(String text) {
        java.util.List<Series> out = new java.util.ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            Matcher m = LINE.matcher(line.trim());
            if (!m.find()) {
                continue;
            }
            Map<String, String> labels = new LinkedHashMap<>();
            if (m.group(3) != null) {
                Matcher l = LABEL.matcher(m.group(3));
                while (l.find()) {
                    labels.put(l.group(1), l.group(2));
                }
            }
            try {
                out.add(new Series(m.group(1), labels, Double.parseDouble(m.group(4))));
            } catch (NumberFormatException ignored) {
                // "NaN" parses; anything else is not a sample line we need
            }
        }
        return out;
    }

    /** Sum of the series named {@code name} whose labels include {@code labels}; empty when there is none. */
    public static OptionalDouble sum(java.util.List<Series> series, String name, Map<String, String> labels) {
        boolean any = false;
        double total = 0;
        for (Series s : series) {
            if (s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet())) {
                any = true;
                total += s.value();
            }
        }
        return any ? OptionalDouble.of(total) : OptionalDouble.empty();
    }
}
