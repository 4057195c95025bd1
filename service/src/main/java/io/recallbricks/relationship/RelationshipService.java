package io.recallbricks.relationship;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.recallbricks.memory.MemoryRepository;
import io.recallbricks.web.ApiException;
import io.recallbricks.web.ErrorCode;
import jakarta.inject.Singleton;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Reading, walking, creating and deleting one user's relationships. The graph walk is breadth-first with one
 * query per level (not per node), at most {@link #MAX_DEPTH} levels and {@link #MAX_NODES} nodes.
 */
@Singleton
public class RelationshipService {

    static final int MAX_DEPTH = 3;
    static final int MAX_NODES = 200;
    static final int MAX_EDGES_PER_LEVEL = 500;
    static final int MAX_LIMIT = 200;
    static final int MAX_EXPLANATION = 500;

    @Serdeable(naming = io.micronaut.serde.config.naming.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Node(UUID id, String text, Instant createdAt) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record GraphEdge(UUID id, UUID from, UUID to, String type, double strength, String explanation) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record GraphBody(List<Node> nodes, List<GraphEdge> edges) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Stats(int nodeCount, int edgeCount, int depth) {
    }

    /** The original's shape: {@code {rootMemoryId, graph:{nodes, edges}, stats}}. */
    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Graph(UUID rootMemoryId, GraphBody graph, Stats stats) {
    }

    private final RelationshipRepository repository;
    private final MemoryRepository memories;

    public RelationshipService(RelationshipRepository repository, MemoryRepository memories) {
        this.repository = repository;
        this.memories = memories;
    }

    public Relationship create(UUID userId, RelationshipController.CreateBody body) {
        if (body.memoryId() == null || body.relatedMemoryId() == null) {
            throw new ApiException(ErrorCode.MISSING_PARAMETER, "memory_id and related_memory_id are required.",
                    Map.of("parameter", body.memoryId() == null ? "memory_id" : "related_memory_id"));
        }
        if (body.memoryId().equals(body.relatedMemoryId())) {
            throw ApiException.validation("related_memory_id", "A memory cannot be related to itself.");
        }
        String type = body.relationshipType() == null ? "related_to" : body.relationshipType();
        if (!Relationship.TYPES.contains(type)) {
            throw ApiException.validation("relationship_type", "relationship_type must be one of " + Relationship.TYPES + ".");
        }
        double strength = body.strength() == null ? 0.5 : body.strength();
        if (Double.isNaN(strength) || strength < 0 || strength > 1) {
            throw ApiException.validation("strength", "strength must be between 0 and 1.");
        }
        if (body.explanation() != null && body.explanation().length() > MAX_EXPLANATION) {
            throw ApiException.validation("explanation", "explanation must be at most " + MAX_EXPLANATION + " characters.");
        }
        requireOwned(userId, body.memoryId());
        requireOwned(userId, body.relatedMemoryId());
        return repository.insert(userId, body.memoryId(), body.relatedMemoryId(), type, round2(strength),
                        body.explanation(), "explicit")
                .orElseThrow(() -> new ApiException(ErrorCode.CONFLICT, "These memories are already related."));
    }

    public List<RelationshipController.Edge> forMemory(UUID userId, UUID memoryId, String type, String minStrength, String limit) {
        if (type != null && !Relationship.TYPES.contains(type)) {
            throw ApiException.invalidParameter("type", "type must be one of " + Relationship.TYPES + ".");
        }
        double min = fraction("minStrength", minStrength, 0);
        int max = integer("limit", limit, 50, 1, MAX_LIMIT);
        requireOwned(userId, memoryId);
        List<RelationshipController.Edge> edges = new ArrayList<>();
        for (RelationshipRepository.Neighbour n : repository.around(userId, memoryId, type, min, max)) {
            Relationship r = n.relationship();
            edges.add(new RelationshipController.Edge(r.id(), r.memoryId(), r.relatedMemoryId(), r.relationshipType(),
                    r.strength(), r.explanation(), r.origin(), r.createdAt(),
                    new RelationshipController.MemorySummary(n.otherId(), n.otherText(), n.otherCreatedAt())));
        }
        return edges;
    }

    public Graph graph(UUID userId, UUID root, String depthText, String minStrengthText) {
        int depth = integer("depth", depthText, 1, 1, MAX_DEPTH);
        double min = fraction("minStrength", minStrengthText, 0.6);
        requireOwned(userId, root);
        Set<UUID> visited = new LinkedHashSet<>(List.of(root));
        Map<UUID, Relationship> edges = new LinkedHashMap<>();
        List<UUID> frontier = List.of(root);
        for (int level = 0; level < depth && !frontier.isEmpty() && visited.size() < MAX_NODES; level++) {
            List<UUID> next = new ArrayList<>();
            for (Relationship r : repository.touching(userId, frontier, min, MAX_EDGES_PER_LEVEL)) {
                for (UUID end : List.of(r.memoryId(), r.relatedMemoryId())) {
                    if (!visited.contains(end) && visited.size() < MAX_NODES) {
                        visited.add(end);
                        next.add(end);
                    }
                }
                if (visited.contains(r.memoryId()) && visited.contains(r.relatedMemoryId())) {
                    edges.putIfAbsent(r.id(), r);
                }
            }
            frontier = next;
        }
        List<Node> nodes = new ArrayList<>();
        Map<UUID, Node> byId = new LinkedHashMap<>();
        memories.summaries(userId, List.copyOf(visited)).forEach(s -> byId.put(s.id(), new Node(s.id(), s.text(), s.createdAt())));
        for (UUID id : visited) {
            if (byId.containsKey(id)) {
                nodes.add(byId.get(id));
            }
        }
        List<GraphEdge> graphEdges = edges.values().stream()
                .map(r -> new GraphEdge(r.id(), r.memoryId(), r.relatedMemoryId(), r.relationshipType(), r.strength(), r.explanation()))
                .toList();
        return new Graph(root, new GraphBody(nodes, graphEdges), new Stats(nodes.size(), graphEdges.size(), depth));
    }

    public RelationshipController.Types types(UUID userId) {
        Map<String, RelationshipController.TypeStats> types = new LinkedHashMap<>();
        long total = 0;
        for (Object[] row : repository.typeStats(userId)) {
            types.put((String) row[0], new RelationshipController.TypeStats((Long) row[1], round2((Double) row[2])));
            total += (Long) row[1];
        }
        return new RelationshipController.Types(types, total);
    }

    public void delete(UUID userId, UUID id) {
        if (!repository.delete(userId, id)) {
            throw ApiException.notFound("Relationship");
        }
    }

    private void requireOwned(UUID userId, UUID memoryId) {
        if (memories.find(userId, memoryId).isEmpty()) {
            throw ApiException.notFound("Memory");
        }
    }

    private static int integer(String name, String text, int defaultValue, int min, int max) {
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ApiException.invalidParameter(name, name + " must be a whole number between " + min + " and " + max + ".");
    }

    private static double fraction(String name, String text, double defaultValue) {
        if (text == null || text.isBlank()) {
            return defaultValue;
        }
        try {
            double value = Double.parseDouble(text.trim());
            if (value >= 0 && value <= 1) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // answered below
        }
        throw ApiException.invalidParameter(name, name + " must be a number between 0 and 1.");
    }

    /** Two decimals, as the strength column stores them. */
    private static double round2(double value) {
        return Math.round(value * 100) / 100.0;
    }
}
