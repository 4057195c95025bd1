package io.recallbricks.relationship;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** An edge between two memories of one user, with the original's field names. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Relationship(UUID id, UUID memoryId, UUID relatedMemoryId, String relationshipType, double strength,
                           String explanation, String origin, Instant createdAt) {

    /** The original's five types (the table's CHECK constraint). */
    public static final Set<String> TYPES = Set.of("related_to", "caused_by", "similar_to", "follows", "contradicts");
}
