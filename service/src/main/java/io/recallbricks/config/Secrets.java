package io.recallbricks.config;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Refuses operator secrets that a reader of the docs could guess: the placeholders of shipped examples
 * ({@code CHANGE_ME...}) and values with too little entropy ({@code aaaaaaaaaaaaaaaaaaaaaaaa}, {@code 1234...}).
 * A published placeholder accepted as the admin key opens every tenant to anyone who read the example.
 */
final class Secrets {

    /** Bits of estimated entropy a secret must carry: 16 random hex digits hold 64, {@code openssl rand -hex 32} 128+. */
    static final double MIN_BITS = 64;

    // Words only placeholders and hand-typed values contain; a generated secret never spells them.
    private static final List<String> PLACEHOLDER_WORDS = List.of("change", "replace", "example", "placeholder",
            "your", "todo", "fixme", "insert", "dummy", "sample", "xxxx", "<", ">");

    private Secrets() {
    }

    /** Why the value must not be used as a secret, or empty when it may. */
    static Optional<String> weakness(String value) {
        String lower = value.toLowerCase(Locale.ROOT);
        for (String word : PLACEHOLDER_WORDS) {
            if (lower.contains(word)) {
                return Optional.of("is a placeholder (contains '" + word + "'), not a secret");
            }
        }
        double bits = entropyBits(value);
        if (bits < MIN_BITS) {
            return Optional.of(String.format(Locale.ROOT,
                    "has too little entropy (about %.0f bits, at least %.0f needed)", bits, MIN_BITS));
        }
        return Optional.empty();
    }

    /**
     * Length times the Shannon entropy of the value's character frequencies, counting runs of consecutive
     * characters ({@code abcd}, {@code 4321}) as one symbol: an upper bound of what a guesser faces, low for repeats
     * and sequences.
     */
    static double entropyBits(String value) {
        Map<String, Integer> counts = new HashMap<>();
        int symbols = 0;
        int i = 0;
        while (i < value.length()) {
            int j = i + 1;
            while (j < value.length() && Math.abs(value.charAt(j) - value.charAt(j - 1)) == 1
                    && (j == i + 1 || value.charAt(j) - value.charAt(j - 1) == value.charAt(i + 1) - value.charAt(i))) {
                j++;
            }
            String symbol = j - i >= 3 ? value.substring(i, j) : value.substring(i, i + 1);
            int next = j - i >= 3 ? j : i + 1;
            counts.merge(symbol, 1, Integer::sum);
            symbols++;
            i = next;
        }
        double entropy = 0;
        for (int count : counts.values()) {
            double p = (double) count / symbols;
            entropy -= p * Math.log(p) / Math.log(2);
        }
        return entropy * symbols;
    }
}
