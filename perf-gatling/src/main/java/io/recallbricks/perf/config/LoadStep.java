package io.recallbricks.perf.config;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A constant arrival rate held for a duration, written {@code 150@15m} on the command line: 150 new requests
 * per second for 15 minutes. Durations take the units s, m and h.
 */
public record LoadStep(double rps, Duration duration) {

    private static final Pattern FORM = Pattern.compile("(\\d+(?:\\.\\d+)?)@(\\d+)([smh])");

    public LoadStep {
        if (rps <= 0) throw new IllegalArgumentException("rate must be positive, got " + rps);
        if (duration.isZero() || duration.isNegative()) throw new IllegalArgumentException("duration must be positive");
    }

    public static LoadStep parse(String text) {
        Matcher m = FORM.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("expected <rps>@<duration> such as 150@15m or 50@30s, got '" + text + "'");
        }
        return new LoadStep(Double.parseDouble(m.group(1)), parseDuration(m.group(2), m.group(3)));
    }

    public static Duration parseDuration(String text) {
        Matcher m = Pattern.compile("(\\d+)([smh])").matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) throw new IllegalArgumentException("expected a duration such as 30s, 10m or 8h, got '" + text + "'");
        return parseDuration(m.group(1), m.group(2));
    }

    private static Duration parseDuration(String amount, String unit) {
        long n = Long.parseLong(amount);
        return switch (unit) {
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofHours(n);
        };
    }

    public LoadStep scaled(double factor) {
        return new LoadStep(rps * factor, duration);
    }

    @Override
    public String toString() {
        return formatRate(rps) + "@" + duration.toSeconds() + "s";
    }

    public static String formatRate(double rps) {
        return rps == Math.rint(rps) ? Long.toString((long) rps) : Double.toString(rps);
    }
}
