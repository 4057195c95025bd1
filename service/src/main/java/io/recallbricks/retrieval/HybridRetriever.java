package io.recallbricks.retrieval;

import io.recallbricks.embedding.Embedder;
import io.recallbricks.embedding.Vectors;
import io.recallbricks.memory.Memory;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The candidates search, suggest and predict score: the query's nearest memories by vector (in the service, see
 * {@link VectorIndex}) merged with its best PostgreSQL full-text matches, ranked by {@link HybridFusion}, or the
 * keyword part alone when no query embedding is available within the read budget. Two round trips to the database:
 * the index version, and one statement for all candidate rows.
 */
@Singleton
public class HybridRetriever {

    /** A candidate with its scores; {@code vectorSimilarity} is null when it has no embedding or none was used. */
    public record Candidate(Memory memory, Float vectorSimilarity, double keywordScore, boolean keywordMatch,
                            double relevance) {
    }

    public record Result(List<Candidate> candidates, SearchMethod method) {
    }

    private final Embedder embedder;
    private final VectorIndex index;
    private final RetrievalRepository repository;
    private final HybridFusion fusion;

    @Inject
    public HybridRetriever(Embedder embedder, VectorIndex index, RetrievalRepository repository, HybridFusion fusion) {
        this.embedder = embedder;
        this.index = index;
        this.repository = repository;
        this.fusion = fusion;
    }

    /** With the default fusion (benchmarks that build the retriever by hand). */
    public HybridRetriever(Embedder embedder, VectorIndex index, RetrievalRepository repository) {
        this(embedder, index, repository, new HybridFusion());
    }

    /**
     * Up to {@code count} vector candidates (with at least {@code minVectorSimilarity}) and {@code count} keyword
     * candidates for {@code query}, ranked by relevance.
     */
    public Result retrieve(UUID userId, String query, UserVectors.Filter filter, int count, float minVectorSimilarity) {
        Optional<float[]> embedding = embedder.forQuery(query);
        String tsquery = Keywords.anyOf(query);
        if (embedding.isEmpty()) {
            return keywordOnly(userId, tsquery, filter, count);
        }
        float[] unit = Vectors.normalized(embedding.get());
        UserVectors vectors = index.forUser(userId);
        List<UUID> nearest = vectors.top(unit, count, filter, minVectorSimilarity).stream().map(UserVectors.Scored::id).toList();
        List<RetrievalRepository.Row> rows = repository.candidates(userId, nearest, tsquery, count, filter);
        List<HybridFusion.Input> inputs = new ArrayList<>(rows.size());
        for (RetrievalRepository.Row row : rows) {
            inputs.add(new HybridFusion.Input(row.memory(), vectors.similarity(unit, row.memory().id()), row.keywordRank(),
                    row.keywordMatch()));
        }
        List<Candidate> candidates = fusion.fuse(inputs);
        SearchMethod method = Keywords.hasSearchableWords(query) ? SearchMethod.hybrid : SearchMethod.vector;
        return new Result(candidates, method);
    }

    private Result keywordOnly(UUID userId, String tsquery, UserVectors.Filter filter, int count) {
        if (tsquery.isEmpty()) {
            return new Result(List.of(), SearchMethod.keyword);
        }
        List<RetrievalRepository.Row> rows = repository.keywordSearch(userId, tsquery, filter, count);
        double bestRank = rows.stream().mapToDouble(RetrievalRepository.Row::keywordRank).max().orElse(0);
        List<Candidate> candidates = new ArrayList<>(rows.size());
        for (RetrievalRepository.Row row : rows) {
            double keyword = bestRank > 0 ? row.keywordRank() / bestRank : 0;
            candidates.add(new Candidate(row.memory(), null, keyword, row.keywordMatch(), keyword));
        }
        return new Result(candidates, SearchMethod.keyword);
    }
}
