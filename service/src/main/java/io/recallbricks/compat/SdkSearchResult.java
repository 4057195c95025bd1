package io.recallbricks.compat;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.recallbricks.memory.MemoryAnalytics;
import io.recallbricks.memory.MemoryView;
import io.recallbricks.retrieval.Scoring;
import io.recallbricks.retrieval.SearchService;
import io.recallbricks.retrieval.Weights;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One item of {@code results[]}, the list both SDKs read from search (the original's {@code memories[]} stays as it
 * is beside it). It carries two shapes at once:
 * <ul>
 *   <li>TypeScript {@code search()}: {@code {memory, score}};</li>
 *   <li>TypeScript {@code searchWeighted()} and Python {@code search_weighted()}: the memory's fields at top level
 *   with {@code relevance_score}, {@code usage_boost}, {@code helpfulness_boost}, {@code recency_boost}.</li>
 * </ul>
 * {@code relevance_score} and {@code score} are the final ranking score. The boosts are what each learned signal is
 * worth under the user's weights ({@code usage·w_usage}, {@code helpfulness·w_helpfulness},
 * {@code recency·w_recency}); they are part of the score when {@code weight_by_usage} is set, and shown either way.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SdkSearchResult(MemoryView memory, double score, UUID id, String text, String source, String projectId,
                              List<String> tags, Map<String, Object> metadata, Instant createdAt, Instant updatedAt,
                              double relevanceScore, double usageBoost, double helpfulnessBoost, double recencyBoost) {

    public static SdkSearchResult of(SearchService.Hit hit, Weights weights, Instant now) {
        MemoryView memory = hit.memory();
        double score = Scoring.round(hit.similarity(), 4);
        return new SdkSearchResult(memory, score, memory.id(), memory.text(), memory.source(), memory.projectId(),
                memory.tags(), memory.metadata(), memory.createdAt(), memory.updatedAt(), score,
                Scoring.round(Scoring.usage(memory.usageCount()) * weights.usage(), 4),
                Scoring.round(memory.helpfulnessScore() * weights.helpfulness(), 4),
                Scoring.round(MemoryAnalytics.recencyScore(memory.lastAccessed(), now) * weights.recency(), 4));
    }

    public static List<SdkSearchResult> of(List<SearchService.Hit> hits, Weights weights) {
        Instant now = Instant.now();
        return hits.stream().map(hit -> of(hit, weights, now)).toList();
    }
}
