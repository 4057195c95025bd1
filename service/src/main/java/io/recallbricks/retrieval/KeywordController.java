package io.recallbricks.retrieval;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.recallbricks.auth.Caller;
import io.recallbricks.memory.MemoryValidator;
import io.recallbricks.memory.MemoryView;
import io.recallbricks.web.ApiException;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The original's keyword routes, on PostgreSQL full-text search: {@code POST /api/v1/search} and
 * {@code POST /api/v1/context}. Unlike the original, a memory matching ANY of the keywords is found (it AND-ed them).
 */
@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
public class KeywordController {

    static final int MAX_HISTORY = 50;
    static final int MAX_LIMIT = 200;

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SearchBody(@Nullable String query, @Nullable List<String> tags, @Nullable String source,
                             @Nullable String projectId, @Nullable Integer limit) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record SearchResponse(List<MemoryView> memories, int count, SearchMethod searchMethod) {
    }

    /** {@code conversation_history} items are strings or {@code {role, content}} objects (the docs show the latter). */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record ContextBody(@Nullable String query, @Nullable String llm, @Nullable Integer limit,
                              @Nullable String projectId, @Nullable List<Object> conversationHistory) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ContextHit(@JsonUnwrapped MemoryView memory, double relevanceScore) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Intelligence(boolean keywordExtraction, boolean relevanceScoring, boolean conversationContext) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ContextResponse(String query, List<String> keywordsExtracted, List<ContextHit> memories, int count,
                                  @JsonInclude(JsonInclude.Include.NON_NULL) Boolean crossLLM, String llm,
                                  Intelligence intelligence) {
    }

    private final RetrievalRepository repository;
    private final MemoryValidator validator;

    public KeywordController(RetrievalRepository repository, MemoryValidator validator) {
        this.repository = repository;
        this.validator = validator;
    }

    @Post("/search")
    public SearchResponse search(Caller caller, @Body SearchBody body) {
        String query = RequestValues.optionalText("query", body.query(), RequestValues.MAX_QUERY_LENGTH);
        UserVectors.Filter filter = SearchController.filter(body.projectId(), body.source(),
                body.tags() == null ? List.of() : validator.tagFilter(String.join(",", body.tags())));
        int limit = RequestValues.integer("limit", body.limit(), 50, 1, MAX_LIMIT);
        List<MemoryView> memories = repository.keywordSearch(caller.userId(), query == null ? "" : Keywords.anyOf(query), filter, limit)
                .stream().map(row -> MemoryView.of(row.memory())).toList();
        return new SearchResponse(memories, memories.size(), SearchMethod.keyword);
    }

    @Post("/context")
    public ContextResponse context(Caller caller, @Body ContextBody body) {
        String query = RequestValues.requiredText("query", body.query(), RequestValues.MAX_QUERY_LENGTH);
        int limit = RequestValues.integer("limit", body.limit(), 10, 1, MAX_LIMIT);
        String llm = RequestValues.optionalText("llm", body.llm(), 100);
        List<String> history = history(body.conversationHistory());
        LinkedHashSet<String> keywords = new LinkedHashSet<>(Keywords.extract(query, 10));
        if (!history.isEmpty()) {
            List<String> lastThree = history.subList(Math.max(0, history.size() - 3), history.size());
            keywords.addAll(Keywords.extract(String.join(" ", lastThree), 5));
        }
        List<String> extracted = List.copyOf(keywords);
        UserVectors.Filter filter = SearchController.filter(body.projectId(), null, List.of());
        List<ContextHit> hits = new ArrayList<>();
        Instant now = Instant.now();
        Set<String> sources = new LinkedHashSet<>();
        if (!extracted.isEmpty()) {
            for (RetrievalRepository.Row row : repository.keywordSearch(caller.userId(), Keywords.anyOf(extracted), filter, limit)) {
                hits.add(new ContextHit(MemoryView.of(row.memory()), relevance(row.memory().text(), extracted, row.memory().createdAt(), now)));
                sources.add(row.memory().source());
            }
        }
        hits.sort(Comparator.comparingDouble(ContextHit::relevanceScore).reversed());
        Boolean crossLlm = llm == null ? null : sources.size() > 1 && !sources.contains(llm);
        return new ContextResponse(query, extracted, hits, hits.size(), crossLlm, llm == null ? "unknown" : llm,
                new Intelligence(true, true, !history.isEmpty()));
    }

    /** The original's score: 10 per keyword found in the text, plus up to 5 for recency (0.1 less per day of age). */
    static double relevance(String text, List<String> keywords, Instant createdAt, Instant now) {
        String lower = text.toLowerCase(Locale.ROOT);
        long found = keywords.stream().filter(lower::contains).count();
        double ageDays = Duration.between(createdAt, now).toMillis() / 86_400_000.0;
        return 10.0 * found + Math.max(0, 5 - 0.1 * ageDays);
    }

    private static List<String> history(List<Object> items) {
        if (items == null) {
            return List.of();
        }
        if (items.size() > MAX_HISTORY) {
            throw ApiException.invalidParameter("conversation_history", "conversation_history may hold at most " + MAX_HISTORY + " entries.");
        }
        List<String> texts = new ArrayList<>();
        for (Object item : items) {
            if (item instanceof String text) {
                texts.add(text);
            } else if (item instanceof Map<?, ?> message && message.get("content") instanceof String content) {
                texts.add(content);
            } else {
                throw ApiException.invalidParameter("conversation_history",
                        "conversation_history entries must be strings or {role, content} objects.");
            }
        }
        return texts;
    }
}
