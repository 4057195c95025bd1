package io.recallbricks.compat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.serde.annotation.Serdeable;
import io.recallbricks.relationship.RelationshipController;
import io.recallbricks.relationship.RelationshipService;

import java.util.List;
import java.util.UUID;

/**
 * Adds the Python SDK's names to the original relationship answers, which stay camelCase as they were:
 * {@code GET /relationships/graph/{id}} gets top-level {@code root_id}, {@code depth}, {@code nodes} and
 * {@code edges} (the SDK reads {@code graph['nodes']}) beside {@code rootMemoryId, graph, stats};
 * {@code GET /relationships/memory/{id}} gets {@code memory_id} beside {@code memoryId}.
 */
@ServerFilter({"/api/v1/relationships/graph/**", "/api/v1/relationships/memory/**"})
public class RelationshipShapesAdapter {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SdkGraph(@JsonUnwrapped RelationshipService.Graph original,
                           @JsonProperty("root_id") UUID rootId,
                           @JsonProperty("depth") int depth,
                           @JsonProperty("nodes") List<RelationshipService.Node> nodes,
                           @JsonProperty("edges") List<RelationshipService.GraphEdge> edges) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SdkMemoryRelationships(@JsonUnwrapped RelationshipController.MemoryRelationships original,
                                         @JsonProperty("memory_id") UUID memoryId) {
    }

    @ResponseFilter
    public void addSdkNames(HttpRequest<?> request, MutableHttpResponse<?> response) {
        Object body = response.body();
        if (body instanceof RelationshipService.Graph graph) {
            Responses.replaceBody(response, new SdkGraph(graph, graph.rootMemoryId(), graph.stats().depth(),
                    graph.graph().nodes(), graph.graph().edges()));
        } else if (body instanceof RelationshipController.MemoryRelationships relationships) {
            Responses.replaceBody(response, new SdkMemoryRelationships(relationships, relationships.memoryId()));
        }
    }
}
