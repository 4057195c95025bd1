package io.recallbricks.retrieval;

import io.recallbricks.memory.Memory;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How the vector and keyword candidate lists become one ranking: {@code 0.7 × cosine + 0.3 × keyword}, where keyword
 * is the full-text rank relative to the best match of the query. A pure function of the candidates, so the quality
 * benchmark can tune it without touching how candidates are found.
 */
@Singleton
public class HybridFusion {

    static final double VECTOR_WEIGHT = 0.7;
    static final double KEYWORD_WEIGHT = 0.3;

    /** One candidate before fusion: its cosine to the query (null without a vector) and its full-text rank. */
    public record Input(Memory memory, Float vectorSimilarity, double keywordRank, boolean keywordMatch) {
    }

    /** The candidates with their relevance, best first. */
    public List<HybridRetriever.Candidate> fuse(List<Input> inputs) {
        double bestRank = inputs.stream().mapToDouble(Input::keywordRank).max().orElse(0);
        List<HybridRetriever.Candidate> candidates = new ArrayList<>(inputs.size());
        for (Input input : inputs) {
            double keyword = bestRank > 0 ? input.keywordRank() / bestRank : 0;
            double cosine = input.vectorSimilarity() == null ? 0 : Math.max(0, input.vectorSimilarity());
            candidates.add(new HybridRetriever.Candidate(input.memory(), input.vectorSimilarity(), keyword,
                    input.keywordMatch(), VECTOR_WEIGHT * cosine + KEYWORD_WEIGHT * keyword));
        }
        candidates.sort(Comparator.comparingDouble(HybridRetriever.Candidate::relevance).reversed());
        return candidates;
    }
}
