package io.recallbricks.memory;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A memory as the API shows it: the original's field names, without the embedding (1,536 floats per row that no
 * client reads), with {@code has_embedding} instead.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MemoryView(UUID id,
                         UUID userId,
                         String text,
                         String source,
                         String projectId,
                         List<String> tags,
                         Map<String, Object> metadata,
                         boolean hasEmbedding,
                         int usageCount,
                         Instant lastAccessed,
                         double helpfulnessScore,
                         Map<String, Object> accessPattern,
                         Instant createdAt,
                         Instant updatedAt,
                         @JsonInclude(JsonInclude.Include.NON_NULL) LearningMetadata learningMetadata) {

    /** Usage analytics shown with a single memory. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record LearningMetadata(String accessFrequency, double recencyScore, Integer daysSinceAccess,
                                   int relationshipCount) {
    }

    public static MemoryView of(Memory memory) {
        return of(memory, null);
    }

    public static MemoryView of(Memory memory, LearningMetadata learning) {
        return new MemoryView(memory.id(), memory.userId(), memory.text(), memory.source(), memory.projectId(),
                memory.tags(), memory.metadata(), memory.hasEmbedding(), memory.usageCount(), memory.lastAccessed(),
                memory.helpfulnessScore(), memory.accessPattern(), memory.createdAt(), memory.updatedAt(), learning);
    }
}
