package io.recallbricks.chaos.embeddings;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Deterministic text vectors in which texts that share words are close: the text's features (normalised word
 * tokens, plus their character trigrams at a lower weight, so "memory" and "memories" still meet) are hashed,
 * each feature adds its own pseudo-random ±weight vector (seeded by its hash), and the sum is L2-normalised.
 * Not a language model, but enough for ranking tests to mean something: the cosine of two vectors grows with
 * the words (and word pieces) the texts share, and unrelated texts are close to orthogonal (|cos| about
 * 1/sqrt(dimensions)).
 *
 * <p>Dense on purpose, like real embeddings: every component is non-zero, so answers have the size of
 * OpenAI's (about 17 kB of JSON for 1536 dimensions) and a client's parsing cost is realistic. Plain signed
 * feature hashing (one index per feature) would give the same similarities but mostly-zero vectors.
 *
 * <p>Stable across JVMs and runs: it uses its own 64-bit hash, not {@code String.hashCode()} or a seed.
 */
public final class HashingEmbedder {

    static final float WORD_WEIGHT = 1.0f;
    static final float TRIGRAM_WEIGHT = 0.4f;

    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");
    // Words so common that sharing them says nothing about two texts; they would otherwise pull every pair
    // of English sentences together. Used only when a text has other words.
    private static final Set<String> STOP_WORDS = Set.of(
            "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "from", "with",
            "as", "is", "are", "was", "were", "be", "been", "it", "its", "this", "that", "these", "those",
            "i", "you", "he", "she", "we", "they", "my", "your", "our", "their", "me", "do", "does", "did");

    // Salts keep a word and an identical trigram (e.g. "cat" and the trigram "cat") in different features.
    private static final long WORD_SALT = 0x9E3779B97F4A7C15L;
    private static final long TRIGRAM_SALT = 0xC2B2AE3D27D4EB4FL;

    /** Unit-length vector of {@code dimensions} floats for {@code text}. */
    public float[] embed(String text, int dimensions) {
        if (dimensions < 1) {
            throw new IllegalArgumentException("dimensions must be at least 1, was " + dimensions);
        }
        float[] vector = new float[dimensions];
        for (String word : words(text)) {
            add(vector, hash(word, WORD_SALT), WORD_WEIGHT);
            String padded = "^" + word + "$";
            for (int i = 0; i + 3 <= padded.length(); i++) {
                add(vector, hash(padded.substring(i, i + 3), TRIGRAM_SALT), TRIGRAM_WEIGHT);
            }
        }
        if (!normalise(vector)) {
            // No word at all (punctuation only): still a unit vector, and still a function of the text.
            add(vector, hash(text, WORD_SALT), WORD_WEIGHT);
            normalise(vector);
        }
        return vector;
    }

    /** Normalised word tokens of a text, stop words removed unless nothing else is left. */
    static List<String> words(String text) {
        String normalised = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        List<String> all = new ArrayList<>();
        for (String token : NON_WORD.split(normalised)) {
            if (!token.isEmpty()) {
                all.add(token);
            }
        }
        List<String> content = all.stream().filter(w -> !STOP_WORDS.contains(w)).toList();
        return content.isEmpty() ? all : content;
    }

    /** Adds the feature's ±weight vector: each component's sign is one bit of a SplitMix64 stream seeded by it. */
    private static void add(float[] vector, long hash, float weight) {
        // Indexed, not branched on: the bits are random, so a branch would be mispredicted half of the time
        // and cost several times the additions themselves.
        float[] signed = {weight, -weight};
        long state = hash;
        for (int base = 0; base < vector.length; base += Long.SIZE) {
            state += 0x9E3779B97F4A7C15L;
            long bits = mix(state);
            int count = Math.min(Long.SIZE, vector.length - base);
            for (int i = 0; i < count; i++) {
                vector[base + i] += signed[(int) (bits >>> i) & 1];
            }
        }
    }

    private static boolean normalise(float[] vector) {
        double sumOfSquares = 0;
        for (float v : vector) {
            sumOfSquares += (double) v * v;
        }
        if (sumOfSquares == 0) {
            return false;
        }
        float scale = (float) (1.0 / Math.sqrt(sumOfSquares));
        for (int i = 0; i < vector.length; i++) {
            vector[i] *= scale;
        }
        return true;
    }

    /** FNV-1a over the UTF-16 code units, then the SplitMix64 finaliser so that all 64 bits are mixed. */
    private static long hash(String feature, long salt) {
        long h = 0xCBF29CE484222325L ^ salt;
        for (int i = 0; i < feature.length(); i++) {
            h ^= feature.charAt(i);
            h *= 0x100000001B3L;
        }
        return mix(h);
    }

    /** SplitMix64's finaliser: every output bit depends on every input bit. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
