package io.recallbricks.chaos.embeddings;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class HashingEmbedderTest {

    private final HashingEmbedder embedder = new HashingEmbedder();

    @Test
    void sameTextGivesTheSameVectorEveryTime() {
        float[] first = embedder.embed("Deploy the service behind nginx", 1536);
        float[] second = new HashingEmbedder().embed("Deploy the service behind nginx", 1536);
        assertArrayEquals(first, second);
    }

    @Test
    void textsSharingWordsAreCloserThanUnrelatedTexts() {
        float[] query = embedder.embed("How do I rotate my PostgreSQL password?", 1536);
        float[] related = embedder.embed("Rotate the PostgreSQL password every 90 days", 1536);
        float[] unrelated = embedder.embed("The cat sleeps on the warm windowsill", 1536);

        double relatedCosine = cosine(query, related);
        double unrelatedCosine = cosine(query, unrelated);
        assertTrue(relatedCosine > 0.4, "shared words should give a clearly positive cosine, was " + relatedCosine);
        assertTrue(relatedCosine > unrelatedCosine + 0.3,
                "related " + relatedCosine + " should beat unrelated " + unrelatedCosine);
    }

    @Test
    void moreSharedWordsMeanHigherSimilarity() {
        float[] query = embedder.embed("redis cache eviction policy", 1536);
        double oneWord = cosine(query, embedder.embed("redis cluster failover", 1536));
        double threeWords = cosine(query, embedder.embed("redis cache eviction tuning", 1536));
        assertTrue(threeWords > oneWord, threeWords + " should exceed " + oneWord);
    }

    @Test
    void wordFormsShareTrigramsSoTheyStayClose() {
        double cosine = cosine(embedder.embed("memories", 1536), embedder.embed("memory", 1536));
        double unrelated = cosine(embedder.embed("memories", 1536), embedder.embed("tractor", 1536));
        assertTrue(cosine > unrelated + 0.2, "memories/memory " + cosine + " vs memories/tractor " + unrelated);
    }

    @Test
    void caseAndPunctuationDoNotMatter() {
        assertArrayEquals(embedder.embed("Hello, World!", 256), embedder.embed("hello world", 256));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 3, 256, 1536, 3072})
    void dimensionIsHonouredAndTheVectorHasUnitLength(int dimensions) {
        for (String text : List.of("a short text", "?!", "the", "Ünïcödé wörds and 42 numbers")) {
            float[] vector = embedder.embed(text, dimensions);
            assertEquals(dimensions, vector.length);
            assertEquals(1.0, norm(vector), 1e-5, "norm of '" + text + "'");
        }
    }

    @Test
    void textsOfOnlyStopWordsOrPunctuationAreStillDistinct() {
        assertTrue(cosine(embedder.embed("?!", 1536), embedder.embed("...", 1536)) < 0.99);
        assertTrue(cosine(embedder.embed("the", 1536), embedder.embed("and", 1536)) < 0.99);
    }

    @Test
    void vectorsAreDenseLikeRealEmbeddings() {
        float[] vector = embedder.embed("Remember that the user prefers concise answers", 1536);
        long nonZero = 0;
        for (float v : vector) {
            nonZero += v != 0 ? 1 : 0;
        }
        assertTrue(nonZero > 1536 * 0.9, nonZero + " of 1536 components are non-zero");
    }

    @Test
    void rejectsANonPositiveDimension() {
        assertThrows(IllegalArgumentException.class, () -> embedder.embed("text", 0));
    }

    static double cosine(float[] a, float[] b) {
        double dot = 0;
        for (int i = 0; i < a.length; i++) {
            dot += (double) a[i] * b[i];
        }
        return dot / (norm(a) * norm(b));
    }

    static double norm(float[] v) {
        double sum = 0;
        for (float x : v) {
            sum += (double) x * x;
        }
        return Math.sqrt(sum);
    }
}
