package io.recallbricks.memory;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A stored memory, as the database holds it (the embedding itself stays in the retrieval code). */
public record Memory(UUID id,
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
                     Instant updatedAt) {
}
