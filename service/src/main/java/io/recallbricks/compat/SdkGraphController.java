package io.recallbricks.compat;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.recallbricks.auth.Caller;
import io.recallbricks.memory.Memory;
import io.recallbricks.memory.MemoryView;
import io.recallbricks.relationship.RelationshipController;
import io.recallbricks.relationship.RelationshipService;
import io.recallbricks.web.ApiException;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The TypeScript SDK's relationship routes, {@code GET /memories/{id}/relationships} and
 * {@code GET /memories/{id}/graph?depth=}, answered from the relationship service of the original routes
 * ({@code /relationships/memory/{id}}, {@code /relationships/graph/{id}}) in the SDK's shapes.
 *
 * <p>The SDK accepts a depth of 1 to 10; the graph stops at the original's 3 levels (each level is a query) and
 * reports the depth it used. Every edge counts, whatever its strength.
 */
@Controller("/api/v1/memories")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SdkGraphController {

    static final int MAX_DEPTH = 3;
    static final int SDK_MAX_DEPTH = 10;
    static final int MAX_RELATIONSHIPS = 200;

    /** An edge as the SDK types it, with the original's names beside. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SdkRelationship(UUID id, UUID sourceId, UUID targetId, String type, double strength,
                                  Map<String, Object> metadata) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Relationships(UUID memoryId, List<SdkRelationship> outgoing, List<SdkRelationship> incoming, int count) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record GraphNode(MemoryView memory, int depth, List<SdkRelationship> relationships) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record GraphContext(UUID rootId, int depth, List<GraphNode> nodes, int totalNodes, List<SdkRelationship> edges) {
    }

    private final RelationshipService relationships;
    private final MemoryLookup lookup;

    public SdkGraphController(RelationshipService relationships, MemoryLookup lookup) {
        this.relationships = relationships;
        this.lookup = lookup;
    }

    @Get("/{id}/relationships")
    public Relationships relationships(Caller caller, UUID id) {
        List<SdkRelationship> outgoing = new ArrayList<>();
        List<SdkRelationship> incoming = new ArrayList<>();
        for (RelationshipController.Edge edge : relationships.forMemory(caller.userId(), id, null, "0",
                Integer.toString(MAX_RELATIONSHIPS))) {
            SdkRelationship relationship = new SdkRelationship(edge.id(), edge.memoryId(), edge.relatedMemoryId(),
                    edge.relationshipType(), edge.strength(), details(edge.explanation(), edge.origin()));
            (edge.memoryId().equals(id) ? outgoing : incoming).add(relationship);
        }
        return new Relationships(id, outgoing, incoming, outgoing.size() + incoming.size());
    }

    @Get("/{id}/graph")
    public GraphContext graph(Caller caller, UUID id, @Nullable @QueryValue Integer depth) {
        int asked = depth == null ? 2 : depth;
        if (asked < 1 || asked > SDK_MAX_DEPTH) {
            throw ApiException.invalidParameter("depth", "depth must be between 1 and " + SDK_MAX_DEPTH + ".");
        }
        int used = Math.min(asked, MAX_DEPTH);
        RelationshipService.Graph graph = relationships.graph(caller.userId(), id, Integer.toString(used), "0");
        List<SdkRelationship> edges = graph.graph().edges().stream()
                .map(e -> new SdkRelationship(e.id(), e.from(), e.to(), e.type(), e.strength(), details(e.explanation(), null)))
                .toList();
        Map<UUID, Integer> depths = depths(id, edges);
        Map<UUID, Memory> memories = lookup.byIds(caller.userId(), depths.keySet());
        List<GraphNode> nodes = new ArrayList<>();
        depths.forEach((node, level) -> {
            Memory memory = memories.get(node);
            if (memory != null) {
                nodes.add(new GraphNode(MemoryView.of(memory), level, edges.stream()
                        .filter(e -> e.sourceId().equals(node) || e.targetId().equals(node)).toList()));
            }
        });
        return new GraphContext(id, used, nodes, nodes.size(), edges);
    }

    /** Each node's distance from the root, nodes in breadth-first order (the root first, at depth 0). */
    static Map<UUID, Integer> depths(UUID root, List<SdkRelationship> edges) {
        Map<UUID, List<UUID>> adjacent = new HashMap<>();
        for (SdkRelationship edge : edges) {
            adjacent.computeIfAbsent(edge.sourceId(), k -> new ArrayList<>()).add(edge.targetId());
            adjacent.computeIfAbsent(edge.targetId(), k -> new ArrayList<>()).add(edge.sourceId());
        }
        Map<UUID, Integer> depths = new LinkedHashMap<>();
        depths.put(root, 0);
        Deque<UUID> queue = new ArrayDeque<>(List.of(root));
        while (!queue.isEmpty()) {
            UUID node = queue.poll();
            for (UUID next : adjacent.getOrDefault(node, List.of())) {
                if (!depths.containsKey(next)) {
                    depths.put(next, depths.get(node) + 1);
                    queue.add(next);
                }
            }
        }
        return depths;
    }

    private static Map<String, Object> details(String explanation, String origin) {
        Map<String, Object> metadata = new LinkedHashMap<>();
        if (explanation != null) {
            metadata.put("explanation", explanation);
        }
        if (origin != null) {
            metadata.put("origin", origin);
        }
        return metadata;
    }
}
