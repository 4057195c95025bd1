package io.recallbricks.perf.config;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes as the JVM writes them ({@code 512m}, {@code 2g}, {@code 1048576}), and the {@code -Xmx} of JVM options. */
public final class MemorySize {

    private static final Pattern SIZE = Pattern.compile("(\\d+)([kmgt]?)");
    private static final Pattern XMX = Pattern.compile("(?:^|\\s)-Xmx(\\S+)");

    private MemorySize() {
    }

    public static long parse(String text) {
        Matcher m = SIZE.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) throw new IllegalArgumentException("not a size: " + text);
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "k" -> n << 10;
            case "m" -> n << 20;
            case "g" -> n << 30;
            case "t" -> n << 40;
            default -> n;
        };
    }

    /** The heap maximum the options give (the last -Xmx wins, as in the JVM). */
    public static Optional<Long> maxHeap(String jvmOptions) {
        Matcher m = XMX.matcher(jvmOptions);
        Optional<Long> last = Optional.empty();
        while (m.find()) last = Optional.of(parse(m.group(1)));
        return last;
    }
}
