package io.recallbricks.reports;

import java.util.Locale;

/** How numbers are written in every report, so the console, Markdown, HTML and JUnit agree. */
public final class Format {
    private Format() {
    }

    /** A value in its unit: {@code 99.95%}, {@code 123.4 ms}, {@code 150.2 rps}, {@code 12}. */
    public static String value(Double value, String unit) {
        if (value == null || value.isNaN()) {
            return "n/a";
        }
        return switch (unit) {
            case "%" -> String.format(Locale.ROOT, "%.2f%%", value);
            case "ms" -> String.format(Locale.ROOT, "%.1f ms", value);
            case "rps" -> String.format(Locale.ROOT, "%.1f rps", value);
            default -> value == Math.rint(value) ? String.format(Locale.ROOT, "%d", value.longValue())
                    : String.format(Locale.ROOT, "%.1f", value);
        };
    }

    /** A signed difference in the unit: {@code +12.3 ms}, {@code -0.05 pp} (percentage points). */
    public static String delta(double delta, String unit) {
        String sign = delta >= 0 ? "+" : "-";
        double abs = Math.abs(delta);
        return sign + switch (unit) {
            case "%" -> String.format(Locale.ROOT, "%.2f pp", abs);
            case "ms" -> String.format(Locale.ROOT, "%.1f ms", abs);
            case "rps" -> String.format(Locale.ROOT, "%.1f rps", abs);
            default -> String.format(Locale.ROOT, "%.1f", abs);
        };
    }

    public static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
