package io.recallbricks.retrieval;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.recallbricks.memory.Memory;
import io.recallbricks.memory.MemoryAnalytics;
import io.recallbricks.relationship.Relationship;
import io.recallbricks.relationship.RelationshipRepository;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * {@code POST /api/v1/memories/suggest}: the original's scoring (§3.5),
 * {@code 0.4·similarity + usage·w_u + recency·w_r + helpfulness·w_h} with the user's adaptive weights, kept when at
 * least {@code min_confidence}, with the reasoning flags and the related memories (strength ≥ 0.6). Similarity is
 * the hybrid relevance, or the keyword relevance when no embedding is available.
 */
@Singleton
public class SuggestService {

    static final double RELATED_MIN_STRENGTH = 0.6;

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Analytics(int usageCount, double helpfulnessScore, double recencyScore, String accessFrequency,
                            Integer daysSinceAccess) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Reasoning(String semanticMatch, boolean frequentlyUsed, boolean recentlyAccessed, boolean highHelpfulness,
                            Weights weightsApplied) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Related(UUID relatedMemoryId, String relationshipType, double strength) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Suggestion(UUID memoryId, String text, double similarity, double suggestionScore, Analytics analytics,
                             Reasoning reasoning, List<Related> relatedMemories) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Response(List<Suggestion> suggestions, int count, String context, Weights weightsUsed,
                           double minConfidence, SearchMethod searchMethod) {
    }

    private final HybridRetriever retriever;
    private final WeightsRepository weights;
    private final RelationshipRepository relationships;

    public SuggestService(HybridRetriever retriever, WeightsRepository weights, RelationshipRepository relationships) {
        this.retriever = retriever;
        this.weights = weights;
        this.relationships = relationships;
    }

    public Response suggest(UUID userId, String context, boolean includeReasoning, int limit, double minConfidence) {
        HybridRetriever.Result result = retriever.retrieve(userId, context, UserVectors.Filter.NONE, limit * 3, 0f);
        Weights used = weights.weights(userId);
        Instant now = Instant.now();
        record Scored(HybridRetriever.Candidate candidate, double score) {
        }
        List<Scored> kept = new ArrayList<>();
        for (HybridRetriever.Candidate candidate : result.candidates()) {
            Memory memory = candidate.memory();
            double score = Scoring.weighted(candidate.relevance(), memory.usageCount(),
                    MemoryAnalytics.recencyScore(memory.lastAccessed(), now), memory.helpfulnessScore(), used);
            if (score >= minConfidence) {
                kept.add(new Scored(candidate, score));
            }
        }
        kept.sort(Comparator.comparingDouble(Scored::score).reversed());
        List<Scored> page = kept.subList(0, Math.min(limit, kept.size()));
        Map<UUID, List<Related>> related = relationships.outgoing(userId,
                        page.stream().map(s -> s.candidate().memory().id()).toList(), RELATED_MIN_STRENGTH).stream()
                .collect(Collectors.groupingBy(Relationship::memoryId, Collectors.mapping(
                        r -> new Related(r.relatedMemoryId(), r.relationshipType(), r.strength()), Collectors.toList())));
        List<Suggestion> suggestions = new ArrayList<>();
        for (Scored scored : page) {
            Memory memory = scored.candidate().memory();
            double similarity = scored.candidate().relevance();
            double recency = MemoryAnalytics.recencyScore(memory.lastAccessed(), now);
            Analytics analytics = new Analytics(memory.usageCount(), memory.helpfulnessScore(), recency,
                    MemoryAnalytics.accessFrequency(memory.usageCount()), MemoryAnalytics.daysSinceAccess(memory.lastAccessed(), now));
            Reasoning reasoning = includeReasoning
                    ? new Reasoning(similarity > 0.7 ? "high" : similarity > 0.5 ? "medium" : "low", memory.usageCount() > 10,
                    recency > 0.8, memory.helpfulnessScore() > 0.7, used)
                    : null;
            suggestions.add(new Suggestion(memory.id(), memory.text(), Scoring.round(similarity, 4),
                    Scoring.round(scored.score(), 4), analytics, reasoning, related.getOrDefault(memory.id(), List.of())));
        }
        return new Response(suggestions, suggestions.size(), context, used, minConfidence, result.method());
    }
}
