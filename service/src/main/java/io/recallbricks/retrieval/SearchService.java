package io.recallbricks.retrieval;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.recallbricks.memory.Memory;
import io.recallbricks.memory.MemoryAnalytics;
import io.recallbricks.memory.MemoryView;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

/**
 * {@code POST/GET /api/v1/memories/search}: hybrid candidates, then the original's optional weighting (§3.3) with
 * its defects fixed: {@code min_helpfulness_score} and {@code learning_mode} apply with or without a weighting flag,
 * and the keyword fallback ranks by full-text rank instead of returning nothing under decay.
 */
@Singleton
public class SearchService {

    /** What a search asks for, validated. */
    public record Query(String text, int limit, boolean weightByUsage, boolean decayOldMemories, boolean learningMode,
                        Double minHelpfulness, boolean adaptiveWeights, UserVectors.Filter filter) {
        boolean weighted() {
            return weightByUsage || decayOldMemories;
        }
    }

    /** One result: the memory and how it scored. The weighting fields appear when weighting ran. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Hit(@JsonUnwrapped MemoryView memory, double similarity, Float vectorSimilarity, double keywordScore,
                      Double baseSimilarity, Double weightedScore, Boolean boostedByUsage, Boolean boostedByRecency,
                      Boolean penalizedByAge, String accessFrequency) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Response(List<Hit> memories, int count, String query, boolean weighted, boolean learningMode,
                           SearchMethod searchMethod) {
    }

    private final HybridRetriever retriever;
    private final WeightsRepository weights;
    private final RetrievalRepository repository;

    public SearchService(HybridRetriever retriever, WeightsRepository weights, RetrievalRepository repository) {
        this.retriever = retriever;
        this.weights = weights;
        this.repository = repository;
    }

    public Response search(UUID userId, Query query) {
        boolean rerank = query.weighted() || query.minHelpfulness() != null;
        int fetch = rerank ? query.limit() * 3 : query.limit();
        HybridRetriever.Result result = retriever.retrieve(userId, query.text(), query.filter(), fetch, 0f);
        Weights used = query.weightByUsage() && query.adaptiveWeights() ? weights.weights(userId) : Weights.DEFAULT;
        Instant now = Instant.now();
        List<Hit> hits = new ArrayList<>();
        for (HybridRetriever.Candidate candidate : result.candidates()) {
            Memory memory = candidate.memory();
            if (query.minHelpfulness() != null && memory.helpfulnessScore() < query.minHelpfulness()) {
                continue;
            }
            double score = candidate.relevance();
            if (query.weightByUsage()) {
                score = Scoring.weighted(score, memory.usageCount(),
                        MemoryAnalytics.recencyScore(memory.lastAccessed(), now), memory.helpfulnessScore(), used);
            }
            double decay = query.decayOldMemories() ? Scoring.decay(memory.lastAccessed(), now) : 1.0;
            score *= decay;
            if (score <= 0) {
                continue;
            }
            hits.add(query.weighted()
                    ? new Hit(MemoryView.of(memory), score, candidate.vectorSimilarity(), candidate.keywordScore(),
                    candidate.relevance(), score, memory.usageCount() > 5, decay > 1, decay < 1,
                    MemoryAnalytics.accessFrequency(memory.usageCount()))
                    : new Hit(MemoryView.of(memory), score, candidate.vectorSimilarity(), candidate.keywordScore(),
                    null, null, null, null, null, null));
        }
        hits.sort(Comparator.comparingDouble(Hit::similarity).reversed());
        List<Hit> page = hits.subList(0, Math.min(query.limit(), hits.size()));
        if (query.learningMode()) {
            repository.recordUse(userId, page.stream().map(hit -> hit.memory().id()).toList());
        }
        return new Response(List.copyOf(page), page.size(), query.text(), query.weighted(), query.learningMode(), result.method());
    }
}
