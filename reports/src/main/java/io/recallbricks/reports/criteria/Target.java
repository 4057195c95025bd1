package io.recallbricks.reports.criteria;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A criterion's bound, written in the criteria file as {@code "<op> <number>"}, e.g. {@code "< 500"}.
 * The number is in the metric's unit (see {@link Metric#unit}); no unit is written, so there is one way to read it.
 */
public record Target(Operator operator, double threshold) {

    private static final Pattern FORM = Pattern.compile("\\s*(<=|>=|<|>)\\s*(-?[0-9]+(?:\\.[0-9]+)?)\\s*");

    public static Target parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text);
        if (!m.matches()) {
            throw new IllegalArgumentException("target must be \"<op> <number>\" with op one of <, <=, >, >= "
                    + "and no unit (got \"" + text + "\")");
        }
        return new Target(Operator.fromSymbol(m.group(1)), Double.parseDouble(m.group(2)));
    }

    public boolean isMetBy(double measured) {
        return operator.holds(measured, threshold);
    }

    /** The target as written in a report, e.g. {@code "< 500 ms"}. */
    public String describe(String unit) {
        String number = threshold == Math.rint(threshold) && Math.abs(threshold) < 1e15
                ? String.format(Locale.ROOT, "%d", (long) threshold)
                : String.format(Locale.ROOT, "%s", threshold);
        return operator.symbol() + " " + number + (unit.isEmpty() ? "" : unit.equals("%") ? "%" : " " + unit);
    }
}
