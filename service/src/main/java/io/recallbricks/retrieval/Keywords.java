package io.recallbricks.retrieval;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Words of a query: the original's keyword extraction (lowercase, split on non-word characters, longer than 2
 * characters, not a stop word) and the PostgreSQL tsquery that matches ANY of them (the original AND-ed them by
 * passing '|' through websearch_to_tsquery, which treats it as punctuation).
 */
public final class Keywords {

    static final Set<String> STOP_WORDS = Set.of("the", "a", "an", "and", "or", "but", "in", "on", "at", "to", "for",
            "of", "with", "by", "from", "is", "was", "are", "were", "been", "be", "have", "has", "had", "do", "does",
            "did", "will", "would", "could", "should", "can", "may", "might", "what", "when", "where", "who", "how",
            "why", "this", "that", "these", "those");

    private static final int MAX_QUERY_TERMS = 32;

    private Keywords() {
    }

    /** The original's extraction: at most {@code max} keywords, in order of appearance, without repeats. */
    public static List<String> extract(String text, int max) {
        LinkedHashSet<String> keywords = new LinkedHashSet<>();
        for (String token : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}_]+")) {
            if (token.length() > 2 && !STOP_WORDS.contains(token)) {
                keywords.add(token);
                if (keywords.size() == max) {
                    break;
                }
            }
        }
        return new ArrayList<>(keywords);
    }

    /**
     * A to_tsquery text matching any word of {@code text} (letters and digits only, so nothing in it is tsquery
     * syntax); empty when the text has no words. PostgreSQL drops its own stop words.
     */
    public static String anyOf(String text) {
        return anyOf(words(text));
    }

    public static String anyOf(List<String> words) {
        return String.join(" | ", words.stream().limit(MAX_QUERY_TERMS).toList());
    }

    static List<String> words(String text) {
        LinkedHashSet<String> words = new LinkedHashSet<>();
        for (String token : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!token.isEmpty()) {
                words.add(token);
            }
        }
        return new ArrayList<>(words);
    }

    /** True when the text has a word PostgreSQL would not drop as a stop word (a close approximation). */
    static boolean hasSearchableWords(String text) {
        return words(text).stream().anyMatch(word -> !STOP_WORDS.contains(word));
    }
}
