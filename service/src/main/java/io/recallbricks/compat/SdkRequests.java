package io.recallbricks.compat;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Request bodies of the routes only the SDKs call, with the field names they send. Unknown fields are ignored, as
 * the SDKs add optional fields from release to release. A {@code user_id}, when sent, must be the caller's own.
 */
public final class SdkRequests {

    private SdkRequests() {
    }

    /** Python {@code learn()}: {@code {text, source, user_id?, project_id?, metadata?}}. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Learn(@Nullable String text, @Nullable String source, @Nullable String projectId,
                        @Nullable List<String> tags, @Nullable Map<String, Object> metadata, @Nullable UUID userId) {
    }

    /** Python {@code recall()}: {@code {query, limit, min_helpfulness_score?, organized?, user_id?, project_id?}}. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Recall(@Nullable String query, @Nullable Integer limit, @Nullable Double minHelpfulnessScore,
                         @Nullable Boolean organized, @Nullable UUID userId, @Nullable String projectId) {
    }

    /** Both SDKs' {@code predict}: {@code {context?, recent_memory_ids?, limit?, user_id?}}. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Predict(@Nullable String context, @Nullable List<String> recentMemoryIds, @Nullable Integer limit,
                          @Nullable UUID userId) {
    }

    /** TypeScript {@code searchWeighted()}. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    public record SearchWeighted(@Nullable String query, @Nullable Integer limit, @Nullable Boolean weightByUsage,
                                 @Nullable Boolean decayOldMemories, @Nullable Boolean adaptiveWeights,
                                 @Nullable Double minHelpfulnessScore, @Nullable Boolean learningMode,
                                 @Nullable UUID userId) {
    }
}
