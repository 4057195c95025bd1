package io.recallbricks.retrieval;

import io.recallbricks.memory.Memory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fusion of the two candidate lists, alone: the order each method gives and the [0, 1] scale of relevance. */
class HybridFusionTest {

    // a: best by vector, no keyword match; b: best keyword match, weaker vector; c: middling in both.
    static final HybridFusion.Input A = input("a", 0.62f, 0, false);
    static final HybridFusion.Input B = input("b", 0.40f, 0.9, true);
    static final HybridFusion.Input C = input("c", 0.55f, 0.3, true);
    static final HybridFusion.Input D = input("d", 0.45f, 0.1, true);
    static final List<HybridFusion.Input> INPUTS = List.of(A, B, C, D);

    @Test
    void weightOneIsVectorOrderAndWeightZeroIsKeywordOrder() {
        assertEquals(List.of("a", "c", "d", "b"), order(new HybridFusion(new FusionSettings("weighted", 1, 60))));
        assertEquals(List.of("b", "c", "d", "a"), order(new HybridFusion(new FusionSettings("weighted", 0, 60))));
    }

    @Test
    void reciprocalRankFusionRewardsBeingHighInBothLists() {
        List<HybridRetriever.Candidate> fused = new HybridFusion(new FusionSettings("rrf", 0.5, 60)).fuse(INPUTS);
        // c: vector rank 2 + keyword rank 2 beats a (vector 1, no keyword match) and b (keyword 1, vector 4).
        assertEquals("c", fused.get(0).memory().text());
        for (HybridRetriever.Candidate candidate : fused) {
            assertTrue(candidate.relevance() >= 0 && candidate.relevance() <= 1, "relevance in [0, 1]");
        }
    }

    @Test
    void anAbsoluteKeywordScoreKeepsAWeakBestMatchWeak() {
        HybridFusion.Input weak = input("weak", 0.50f, 0.05, true);
        HybridFusion.Input close = input("close", 0.56f, 0, false);
        List<HybridFusion.Input> inputs = List.of(weak, close);
        assertEquals("weak", new HybridFusion(new FusionSettings("weighted", 0.7, 60, "relative")).fuse(inputs).get(0).memory().text(),
                "relative: the only keyword match gets the full keyword share");
        assertEquals("close", new HybridFusion(new FusionSettings("weighted", 0.7, 60, "absolute")).fuse(inputs).get(0).memory().text());
    }

    @Test
    void firstInBothListsHasRelevanceOne() {
        HybridFusion.Input only = input("x", 0.5f, 0.2, true);
        assertEquals(1.0, new HybridFusion(new FusionSettings("rrf", 0.5, 60)).fuse(List.of(only)).get(0).relevance(), 1e-9);
    }

    private static List<String> order(HybridFusion fusion) {
        return fusion.fuse(INPUTS).stream().map(candidate -> candidate.memory().text()).toList();
    }

    private static HybridFusion.Input input(String text, float cosine, double keywordRank, boolean match) {
        Memory memory = new Memory(UUID.randomUUID(), UUID.randomUUID(), text, null, null, List.of(), Map.of(), true, 0,
                null, 0.5, Map.of(), null, null);
        return new HybridFusion.Input(memory, cosine, keywordRank, match);
    }
}
