package io.recallbricks.compat;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.recallbricks.auth.Caller;
import io.recallbricks.memory.Memory;
import io.recallbricks.memory.MemorySettings;
import io.recallbricks.retrieval.PredictService;
import io.recallbricks.retrieval.RequestValues;
import io.recallbricks.retrieval.SearchMethod;
import io.recallbricks.retrieval.SearchService;
import io.recallbricks.retrieval.UserVectors;
import io.recallbricks.retrieval.Weights;
import io.recallbricks.retrieval.WeightsRepository;
import io.recallbricks.web.ApiException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Retrieval under the SDKs' names, each delegating to the retrieval services the original routes use:
 * {@code POST /memories/predict} (JSON body; the original is {@code GET} with a query string),
 * {@code POST /memories/search-weighted} (TypeScript) and {@code POST /memories/recall} (Python).
 */
@Controller("/api/v1/memories")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SdkRetrievalController {

    static final int MAX_LIMIT = 100;

    /** The original search response and its {@code results[]}, for {@code searchWeighted()}. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record WeightedResponse(List<SdkSearchResult> results, String query, int count, boolean weighted,
                                   SearchMethod searchMethod) {
    }

    private final SearchService search;
    private final PredictService predict;
    private final RecallService recall;
    private final WeightsRepository weights;
    private final MemoryLookup lookup;

    public SdkRetrievalController(SearchService search, PredictService predict, RecallService recall,
                                  WeightsRepository weights, MemoryLookup lookup) {
        this.search = search;
        this.predict = predict;
        this.recall = recall;
        this.weights = weights;
        this.lookup = lookup;
    }

    @Post("/predict")
    public SdkPredictResponse predict(Caller caller, @Body SdkRequests.Predict body) {
        CallerChecks.ownUserId(caller, body.userId());
        PredictService.Response original = predict.predict(caller.userId(),
                RequestValues.optionalText("context", body.context(), RequestValues.MAX_QUERY_LENGTH),
                ids(body.recentMemoryIds()),
                RequestValues.integer("limit", body.limit(), 10, 1, MAX_LIMIT));
        Map<UUID, Memory> memories = lookup.byIds(caller.userId(),
                original.predictions().stream().map(PredictService.Prediction::memoryId).toList());
        return new SdkPredictResponse(original.predictions().stream()
                .map(p -> SdkPrediction.of(p, memories.get(p.memoryId()))).toList(),
                original.count(), original.context(), original.recentMemories(), original.searchMethod());
    }

    @Post("/search-weighted")
    public WeightedResponse searchWeighted(Caller caller, @Body SdkRequests.SearchWeighted body) {
        CallerChecks.ownUserId(caller, body.userId());
        SearchService.Response found = search.search(caller.userId(), new SearchService.Query(
                RequestValues.requiredText("query", body.query(), RequestValues.MAX_QUERY_LENGTH),
                RequestValues.integer("limit", body.limit(), 10, 1, MAX_LIMIT),
                Boolean.TRUE.equals(body.weightByUsage()), Boolean.TRUE.equals(body.decayOldMemories()),
                Boolean.TRUE.equals(body.learningMode()),
                body.minHelpfulnessScore() == null ? null
                        : RequestValues.fraction("min_helpfulness_score", body.minHelpfulnessScore(), 0),
                !Boolean.FALSE.equals(body.adaptiveWeights()), UserVectors.Filter.NONE));
        Weights used = Boolean.FALSE.equals(body.adaptiveWeights()) ? Weights.DEFAULT : weights.weights(caller.userId());
        return new WeightedResponse(SdkSearchResult.of(found.memories(), used), found.query(), found.count(),
                found.weighted(), found.searchMethod());
    }

    @Post("/recall")
    public RecallService.Response recall(Caller caller, @Body SdkRequests.Recall body) {
        CallerChecks.ownUserId(caller, body.userId());
        SearchService.Query query = new SearchService.Query(
                RequestValues.requiredText("query", body.query(), RequestValues.MAX_QUERY_LENGTH),
                RequestValues.integer("limit", body.limit(), 10, 1, MAX_LIMIT), false, false, false,
                body.minHelpfulnessScore() == null ? null
                        : RequestValues.fraction("min_helpfulness_score", body.minHelpfulnessScore(), 0),
                true, new UserVectors.Filter(
                RequestValues.optionalText("project_id", body.projectId(), MemorySettings.MAX_LABEL_LENGTH), null, List.of()));
        return recall.recall(caller.userId(), query, Boolean.TRUE.equals(body.organized()));
    }

    private static List<UUID> ids(List<String> values) {
        if (values == null) {
            return List.of();
        }
        if (values.size() > PredictService.MAX_RECENT) {
            throw ApiException.invalidParameter("recent_memory_ids", "recent_memory_ids may name at most "
                    + PredictService.MAX_RECENT + " memories (got " + values.size() + ").");
        }
        List<UUID> ids = new ArrayList<>();
        for (String value : values) {
            try {
                UUID id = UUID.fromString(value == null ? "" : value.trim());
                if (!ids.contains(id)) {
                    ids.add(id);
                }
            } catch (IllegalArgumentException e) {
                throw ApiException.invalidParameter("recent_memory_ids", "recent_memory_ids must contain memory ids (UUIDs).");
            }
        }
        return ids;
    }
}
