package io.recallbricks.retrieval;

import io.recallbricks.memory.Memory;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * How the vector and keyword candidate lists become one ranking ({@code HYBRID_FUSION}). A pure function of the
 * candidates, so the quality benchmark can tune it without touching how candidates are found.
 * <ul>
 *   <li>{@code weighted}: {@code w × cosine + (1 − w) × keyword}, {@code w} = {@code HYBRID_VECTOR_WEIGHT}
 *       ({@code 1}: vector only, {@code 0}: keyword order among the candidates). Keyword is the full-text rank
 *       ({@code ts_rank_cd} normalised to [0, 1)) relative to the best match of the query
 *       ({@code HYBRID_KEYWORD_SCORE=relative}: the best match gets 1 however weak it is) or as it is
 *       ({@code absolute}: one incidental shared word adds little, a close match of several words more).</li>
 *   <li>{@code rrf}: reciprocal-rank fusion, {@code w/(k + vector rank) + (1 − w)/(k + keyword rank)} scaled so
 *       that first in both lists is 1; a candidate missing from a list (no vector, no keyword match) gets nothing
 *       from it. Ranks ignore the scores' scales, which differ between models.</li>
 * </ul>
 * Relevance stays in [0, 1] either way: suggest's {@code min_confidence} and predict's weighting read it.
 */
@Singleton
public class HybridFusion {

    /** One candidate before fusion: its cosine to the query (null without a vector) and its full-text rank. */
    public record Input(Memory memory, Float vectorSimilarity, double keywordRank, boolean keywordMatch) {
    }

    private final FusionSettings settings;

    @Inject
    public HybridFusion(FusionSettings settings) {
        this.settings = settings;
    }

    public HybridFusion() {
        this(FusionSettings.DEFAULT);
    }

    /** The candidates with their relevance, best first. */
    public List<HybridRetriever.Candidate> fuse(List<Input> inputs) {
        double bestRank = inputs.stream().mapToDouble(Input::keywordRank).max().orElse(0);
        Map<Input, Integer> vectorRanks = "rrf".equals(settings.method()) ? ranks(inputs, true) : Map.of();
        Map<Input, Integer> keywordRanks = "rrf".equals(settings.method()) ? ranks(inputs, false) : Map.of();
        double w = settings.vectorWeight();
        List<HybridRetriever.Candidate> candidates = new ArrayList<>(inputs.size());
        for (Input input : inputs) {
            double keyword = settings.absoluteKeywordScore() ? input.keywordRank()
                    : bestRank > 0 ? input.keywordRank() / bestRank : 0;
            double cosine = input.vectorSimilarity() == null ? 0 : Math.max(0, input.vectorSimilarity());
            double relevance;
            if ("rrf".equals(settings.method())) {
                int k = settings.rrfK();
                double fused = reciprocal(w, k, vectorRanks.get(input)) + reciprocal(1 - w, k, keywordRanks.get(input));
                relevance = fused * (k + 1);
            } else {
                relevance = w * cosine + (1 - w) * keyword;
            }
            candidates.add(new HybridRetriever.Candidate(input.memory(), input.vectorSimilarity(), keyword,
                    input.keywordMatch(), relevance));
        }
        candidates.sort(Comparator.comparingDouble(HybridRetriever.Candidate::relevance).reversed());
        return candidates;
    }

    private static double reciprocal(double weight, int k, Integer rank) {
        return rank == null ? 0 : weight / (k + rank);
    }

    /** 1-based ranks by cosine (vector) or full-text rank (keyword), for the candidates present in that list. */
    private static Map<Input, Integer> ranks(List<Input> inputs, boolean vector) {
        List<Input> present = new ArrayList<>();
        for (Input input : inputs) {
            if (vector ? input.vectorSimilarity() != null : input.keywordMatch() && input.keywordRank() > 0) {
                present.add(input);
            }
        }
        present.sort(Comparator.comparingDouble((Input input) -> vector ? input.vectorSimilarity() : input.keywordRank()).reversed());
        Map<Input, Integer> ranks = new IdentityHashMap<>(present.size() * 2);
        for (int i = 0; i < present.size(); i++) {
            ranks.put(present.get(i), i + 1);
        }
        return ranks;
    }
}
