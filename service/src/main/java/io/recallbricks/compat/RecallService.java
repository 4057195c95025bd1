package io.recallbricks.compat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.recallbricks.memory.MemoryView;
import io.recallbricks.retrieval.Scoring;
import io.recallbricks.retrieval.SearchMethod;
import io.recallbricks.retrieval.SearchService;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * {@code POST /api/v1/memories/recall}: the search the rest of the API uses, each memory with its {@code score} and
 * {@code category}; with {@code organized: true}, also grouped by category ({@code count}, {@code avg_score} and a
 * {@code summary} made of the best memories' first sentences). A memory's category is its
 * {@code metadata.category} (set by learn, or by the caller), else the one its text suggests.
 */
@Singleton
public class RecallService {

    static final int SUMMARY_MEMORIES = 3;
    static final int MAX_SUMMARY = 300;

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Recalled(@JsonUnwrapped MemoryView memory, double score, String category) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Category(int count, double avgScore, String summary) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Response(List<Recalled> memories, int count, int total, String query, SearchMethod searchMethod,
                           Boolean organized, Map<String, Category> categories) {
    }

    private final SearchService search;
    private final LocalMetadataExtractor extractor;

    public RecallService(SearchService search, LocalMetadataExtractor extractor) {
        this.search = search;
        this.extractor = extractor;
    }

    public Response recall(UUID userId, SearchService.Query query, boolean organized) {
        SearchService.Response found = search.search(userId, query);
        List<Recalled> memories = found.memories().stream()
                .map(hit -> new Recalled(hit.memory(), Scoring.round(hit.similarity(), 4), categoryOf(hit.memory())))
                .toList();
        return new Response(memories, memories.size(), memories.size(), found.query(), found.searchMethod(),
                organized ? Boolean.TRUE : null, organized ? categories(memories) : null);
    }

    private String categoryOf(MemoryView memory) {
        Object category = memory.metadata() == null ? null : memory.metadata().get("category");
        return category instanceof String named && !named.isBlank() ? named : extractor.category(memory.text());
    }

    /** Categories in order of their best memory, as the memories come best first. */
    private Map<String, Category> categories(List<Recalled> memories) {
        Map<String, List<Recalled>> groups = new LinkedHashMap<>();
        memories.forEach(memory -> groups.computeIfAbsent(memory.category(), key -> new ArrayList<>()).add(memory));
        Map<String, Category> categories = new LinkedHashMap<>();
        groups.forEach((name, members) -> categories.put(name, new Category(members.size(),
                Scoring.round(members.stream().mapToDouble(Recalled::score).average().orElse(0), 4),
                summary(members))));
        return categories;
    }

    private String summary(List<Recalled> members) {
        String joined = String.join(" ", members.stream().limit(SUMMARY_MEMORIES)
                .map(member -> terminated(extractor.summary(member.memory().text()))).toList());
        return joined.length() <= MAX_SUMMARY ? joined : joined.substring(0, MAX_SUMMARY - 3).stripTrailing() + "...";
    }

    private static String terminated(String sentence) {
        return sentence.endsWith(".") || sentence.endsWith("!") || sentence.endsWith("?") || sentence.endsWith("...")
                ? sentence : sentence + ".";
    }
}
