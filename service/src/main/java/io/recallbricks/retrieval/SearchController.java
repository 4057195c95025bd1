package io.recallbricks.retrieval;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.recallbricks.auth.Caller;
import io.recallbricks.memory.MemorySettings;
import io.recallbricks.memory.MemoryValidator;

import java.util.List;

/** Semantic retrieval routes under {@code /api/v1/memories}: search, predict, suggest. */
@Controller("/api/v1/memories")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SearchController {

    static final int MAX_SEARCH_LIMIT = 100;

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SearchBody(@Nullable String query, @Nullable Integer limit, @Nullable Boolean weightByUsage,
                             @Nullable Boolean decayOldMemories, @Nullable Boolean learningMode,
                             @Nullable Double minHelpfulnessScore, @Nullable Boolean adaptiveWeights,
                             @Nullable String projectId, @Nullable String source, @Nullable List<String> tags) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SuggestBody(@Nullable String context, @Nullable Boolean includeReasoning, @Nullable Integer limit,
                              @Nullable Double minConfidence) {
    }

    private final SearchService search;
    private final PredictService predict;
    private final SuggestService suggest;
    private final MemoryValidator validator;

    public SearchController(SearchService search, PredictService predict, SuggestService suggest, MemoryValidator validator) {
        this.search = search;
        this.predict = predict;
        this.suggest = suggest;
        this.validator = validator;
    }

    @Post("/search")
    public SearchService.Response search(Caller caller, @Body SearchBody body) {
        String query = RequestValues.requiredText("query", body.query(), RequestValues.MAX_QUERY_LENGTH);
        return search.search(caller.userId(), new SearchService.Query(query,
                RequestValues.integer("limit", body.limit(), 10, 1, MAX_SEARCH_LIMIT),
                Boolean.TRUE.equals(body.weightByUsage()), Boolean.TRUE.equals(body.decayOldMemories()),
                Boolean.TRUE.equals(body.learningMode()),
                body.minHelpfulnessScore() == null ? null : RequestValues.fraction("min_helpfulness_score", body.minHelpfulnessScore(), 0),
                !Boolean.FALSE.equals(body.adaptiveWeights()),
                filter(body.projectId(), body.source(), body.tags() == null ? List.of() : validator.tagFilter(String.join(",", body.tags())))));
    }

    @Get("/search")
    public SearchService.Response searchByQuery(Caller caller, @Nullable @QueryValue String q, @Nullable @QueryValue Integer limit,
                                                @Nullable @QueryValue("project_id") String projectId,
                                                @Nullable @QueryValue String source, @Nullable @QueryValue String tags) {
        String query = RequestValues.requiredText("q", q, RequestValues.MAX_QUERY_LENGTH);
        return search.search(caller.userId(), new SearchService.Query(query,
                RequestValues.integer("limit", limit, 10, 1, MAX_SEARCH_LIMIT), false, false, false, null, true,
                filter(projectId, source, validator.tagFilter(tags))));
    }

    @Get("/predict")
    public PredictService.Response predict(Caller caller, @Nullable @QueryValue("current_context") String currentContext,
                                           @Nullable @QueryValue("recent_memories") String recentMemories,
                                           @Nullable @QueryValue Integer limit) {
        return predict.predict(caller.userId(),
                RequestValues.optionalText("current_context", currentContext, RequestValues.MAX_QUERY_LENGTH),
                RequestValues.ids("recent_memories", recentMemories, PredictService.MAX_RECENT),
                RequestValues.integer("limit", limit, 10, 1, 100));
    }

    @Post("/suggest")
    public SuggestService.Response suggest(Caller caller, @Body SuggestBody body) {
        return suggest.suggest(caller.userId(),
                RequestValues.requiredText("context", body.context(), RequestValues.MAX_QUERY_LENGTH),
                !Boolean.FALSE.equals(body.includeReasoning()),
                RequestValues.integer("limit", body.limit(), 5, 1, 50),
                RequestValues.fraction("min_confidence", body.minConfidence(), 0.6));
    }

    static UserVectors.Filter filter(String projectId, String source, List<String> tags) {
        return new UserVectors.Filter(
                RequestValues.optionalText("project_id", projectId, MemorySettings.MAX_LABEL_LENGTH),
                RequestValues.optionalText("source", source, MemorySettings.MAX_LABEL_LENGTH),
                tags == null ? List.of() : tags);
    }
}
