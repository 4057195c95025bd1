package io.recallbricks.relationship;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.recallbricks.auth.Caller;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The relationship routes of the original (§2.7), scoped to the caller, plus an explicit create. */
@Controller("/api/v1/relationships")
@ExecuteOn(TaskExecutors.BLOCKING)
public class RelationshipController {

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CreateBody(@Nullable UUID memoryId, @Nullable UUID relatedMemoryId, @Nullable String relationshipType,
                             @Nullable Double strength, @Nullable String explanation) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record MemorySummary(UUID id, String text, Instant createdAt) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Edge(UUID id, UUID memoryId, UUID relatedMemoryId, String relationshipType, double strength,
                       String explanation, String origin, Instant createdAt, MemorySummary relatedMemory) {
    }

    /** camelCase, as the original's response. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record MemoryRelationships(UUID memoryId, List<Edge> relationships, int count) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Deleted(String message, UUID id) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record TypeStats(long count, double avgStrength) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Types(Map<String, TypeStats> types, long totalRelationships) {
    }

    private final RelationshipService relationships;

    public RelationshipController(RelationshipService relationships) {
        this.relationships = relationships;
    }

    @Post
    @Status(HttpStatus.CREATED)
    public Relationship create(Caller caller, @Body CreateBody body) {
        return relationships.create(caller.userId(), body);
    }

    @Get("/memory/{memoryId}")
    public MemoryRelationships forMemory(Caller caller, UUID memoryId, @Nullable @QueryValue String type,
                                        @Nullable @QueryValue("minStrength") String minStrength,
                                        @Nullable @QueryValue("min_strength") String minStrengthSnake,
                                        @Nullable @QueryValue String limit) {
        List<Edge> edges = relationships.forMemory(caller.userId(), memoryId, type,
                minStrength != null ? minStrength : minStrengthSnake, limit);
        return new MemoryRelationships(memoryId, edges, edges.size());
    }

    @Get("/graph/{memoryId}")
    public RelationshipService.Graph graph(Caller caller, UUID memoryId, @Nullable @QueryValue String depth,
                                           @Nullable @QueryValue("minStrength") String minStrength,
                                           @Nullable @QueryValue("min_strength") String minStrengthSnake) {
        return relationships.graph(caller.userId(), memoryId, depth, minStrength != null ? minStrength : minStrengthSnake);
    }

    @Get("/types")
    public Types types(Caller caller) {
        return relationships.types(caller.userId());
    }

    @Delete("/{id}")
    public Deleted delete(Caller caller, UUID id) {
        relationships.delete(caller.userId(), id);
        return new Deleted("Relationship deleted successfully.", id);
    }
}
