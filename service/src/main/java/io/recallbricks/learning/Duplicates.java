package io.recallbricks.learning;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Near-duplicate texts by Jaccard similarity of their word sets, without comparing every pair: an inverted index
 * from word to texts yields, for each text, only the texts sharing a word with it, and the shared-word counts give
 * the Jaccard directly. Words found in more than {@link #MAX_POSTING} texts are skipped as too common to
 * discriminate (two texts with Jaccard ≥ 0.85 share their rare words too). Pure, so it can be benchmarked alone.
 */
public final class Duplicates {

    static final int MAX_POSTING = 200;

    /** Two texts and their similarity. */
    public record Pair(UUID a, UUID b, double similarity) {
    }

    /** A text to compare. */
    public record Text(UUID id, String text) {
    }

    private Duplicates() {
    }

    public static List<Pair> find(List<Text> texts, double threshold, int limit) {
        List<Set<String>> words = new ArrayList<>(texts.size());
        Map<String, List<Integer>> postings = new HashMap<>();
        for (int i = 0; i < texts.size(); i++) {
            Set<String> set = new HashSet<>(List.of(texts.get(i).text().toLowerCase(Locale.ROOT).split("\\s+")));
            set.remove("");
            words.add(set);
            for (String word : set) {
                postings.computeIfAbsent(word, w -> new ArrayList<>()).add(i);
            }
        }
        List<Pair> pairs = new ArrayList<>();
        int[] shared = new int[texts.size()];
        List<Integer> touched = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            for (String word : words.get(i)) {
                List<Integer> posting = postings.get(word);
                if (posting.size() > MAX_POSTING) {
                    continue;
                }
                for (int j : posting) {
                    if (j > i) {
                        if (shared[j]++ == 0) {
                            touched.add(j);
                        }
                    }
                }
            }
            int common = countCommon(words.get(i), postings);
            for (int j : touched) {
                int a = words.get(i).size();
                int b = words.get(j).size();
                // Skipped common words may still be shared: bound the intersection, then count exactly if it can pass.
                int bound = Math.min(shared[j] + common, Math.min(a, b));
                if ((double) bound / (a + b - bound) >= threshold) {
                    double jaccard = jaccard(words.get(i), words.get(j));
                    if (jaccard >= threshold) {
                        pairs.add(new Pair(texts.get(i).id(), texts.get(j).id(), jaccard));
                    }
                }
                shared[j] = 0;
            }
            touched.clear();
        }
        pairs.sort(Comparator.comparingDouble(Pair::similarity).reversed());
        return pairs.size() > limit ? List.copyOf(pairs.subList(0, limit)) : pairs;
    }

    private static int countCommon(Set<String> words, Map<String, List<Integer>> postings) {
        int common = 0;
        for (String word : words) {
            if (postings.get(word).size() > MAX_POSTING) {
                common++;
            }
        }
        return common;
    }

    static double jaccard(Set<String> a, Set<String> b) {
        if (a.isEmpty() && b.isEmpty()) {
            return 1.0;
        }
        int intersection = 0;
        for (String word : a) {
            if (b.contains(word)) {
                intersection++;
            }
        }
        return (double) intersection / (a.size() + b.size() - intersection);
    }
}
