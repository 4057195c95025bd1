package io.recallbricks.perf.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Parses the Prometheus text exposition format (version 0.0.4, and the OpenMetrics subset a Micrometer registry
 * writes): comment lines, samples {@code name{label="value",...} value [timestamp]}, label values with the
 * escapes \\ \" \n, and the special values +Inf, -Inf and NaN.
 */
public final class PrometheusText {

    /** One sample line. */
    public record Sample(String name, Map<String, String> labels, double value) {
    }

    private final List<Sample> samples;

    private PrometheusText(List<Sample> samples) {
        this.samples = List.copyOf(samples);
    }

    public static PrometheusText parse(String text) {
        List<Sample> samples = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            try {
                samples.add(new LineParser(line).sample());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("metrics line " + (i + 1) + ": " + e.getMessage() + ": " + line);
            }
        }
        return new PrometheusText(samples);
    }

    public List<Sample> samples() {
        return samples;
    }

    /** The value of the first sample of that name whose labels match, if any. */
    public Optional<Double> value(String name, Predicate<Map<String, String>> labels) {
        return samples.stream().filter(s -> s.name.equals(name) && labels.test(s.labels)).map(Sample::value).findFirst();
    }

    public Optional<Double> value(String name) {
        return value(name, l -> true);
    }

    /** The sum over all samples of that name whose labels match; empty when there is none. */
    public Optional<Double> sum(String name, Predicate<Map<String, String>> labels) {
        List<Double> values = samples.stream().filter(s -> s.name.equals(name) && labels.test(s.labels))
                .map(Sample::value).toList();
        return values.isEmpty() ? Optional.empty() : Optional.of(values.stream().mapToDouble(Double::doubleValue).sum());
    }

    public List<Sample> all(String name) {
        return samples.stream().filter(s -> s.name.equals(name)).toList();
    }

    private static final class LineParser {
        private final String line;
        private int pos;

        LineParser(String line) {
            this.line = line;
        }

        Sample sample() {
            String name = name();
            Map<String, String> labels = new LinkedHashMap<>();
            skipSpaces();
            if (peek() == '{') {
                pos++;
                labels = labels();
            }
            skipSpaces();
            int end = line.indexOf(' ', pos);
            String valueText = end < 0 ? line.substring(pos) : line.substring(pos, end);
            if (valueText.isEmpty()) throw new IllegalArgumentException("missing value");
            return new Sample(name, Map.copyOf(labels), value(valueText));
        }

        private String name() {
            int start = pos;
            while (pos < line.length() && isNameChar(line.charAt(pos), pos == start)) pos++;
            if (pos == start) throw new IllegalArgumentException("expected a metric name");
            return line.substring(start, pos);
        }

        private Map<String, String> labels() {
            Map<String, String> labels = new LinkedHashMap<>();
            while (true) {
                skipSpaces();
                if (peek() == '}') {
                    pos++;
                    return labels;
                }
                String key = name();
                skipSpaces();
                expect('=');
                skipSpaces();
                expect('"');
                StringBuilder value = new StringBuilder();
                while (true) {
                    if (pos >= line.length()) throw new IllegalArgumentException("unterminated label value");
                    char c = line.charAt(pos++);
                    if (c == '"') break;
                    if (c == '\\') {
                        if (pos >= line.length()) throw new IllegalArgumentException("dangling escape");
                        char esc = line.charAt(pos++);
                        value.append(switch (esc) {
                            case 'n' -> '\n';
                            case '\\' -> '\\';
                            case '"' -> '"';
                            default -> throw new IllegalArgumentException("unknown escape \\" + esc);
                        });
                    } else {
                        value.append(c);
                    }
                }
                labels.put(key, value.toString());
                skipSpaces();
                if (peek() == ',') pos++;
                else if (peek() != '}') throw new IllegalArgumentException("expected ',' or '}' after a label");
            }
        }

        private static double value(String text) {
            return switch (text) {
                case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
                case "-Inf" -> Double.NEGATIVE_INFINITY;
                case "NaN" -> Double.NaN;
                default -> {
                    try {
                        yield Double.parseDouble(text);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("not a number: '" + text + "'");
                    }
                }
            };
        }

        private static boolean isNameChar(char c, boolean first) {
            return Character.isLetter(c) || c == '_' || c == ':' || (!first && Character.isDigit(c));
        }

        private char peek() {
            return pos < line.length() ? line.charAt(pos) : '\0';
        }

        private void expect(char c) {
            if (peek() != c) throw new IllegalArgumentException("expected '" + c + "' at column " + (pos + 1));
            pos++;
        }

        private void skipSpaces() {
            while (pos < line.length() && (line.charAt(pos) == ' ' || line.charAt(pos) == '\t')) pos++;
        }
    }
}
