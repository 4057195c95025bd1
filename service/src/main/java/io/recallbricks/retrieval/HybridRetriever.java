package io.recallbricks.retrieval;

import io.recallbricks.embedding.Embedder;
import io.recallbricks.embedding.Vectors;
import io.recallbricks.memory.Memory;
import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The candidates search, suggest and predict score: the query's nearest memories by vector (in the service, see
 * {@link VectorIndex}) merged with its best PostgreSQL full-text matches, each with a relevance in [0, 1]:
 * {@code 0.7 × cosine + 0.3 × keyword} (keyword = full-text rank relative to the best match), or the keyword part
 * alone when no query embedding is available within the read budget. Two round trips to the database: the index
 * version, and one statement for all candidate rows.
 */
@Singleton
public class HybridRetriever {

    static final double VECTOR_WEIGHT = 0.7;
    static final double KEYWORD_WEIGHT = 0.3;

    /** A candidate with its scores; {@code vectorSimilarity} is null when it has no embedding or none was used. */
    public record Candidate(Memory memory, Float vectorSimilarity, double keywordScore, boolean keywordMatch,
                            double relevance) {
    }

    public record Result(List<Candidate> candidates, SearchMethod method) {
    }

    private final Embedder embedder;
    private final VectorIndex index;
    private final RetrievalRepository repository;

    public HybridRetriever(Embedder embedder, VectorIndex index, RetrievalRepository repository) {
        this.embedder = embedder;
        this.index = index;
        this.repository = repository;
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
        double bestRank = rows.stream().mapToDouble(RetrievalRepository.Row::keywordRank).max().orElse(0);
        List<Candidate> candidates = new ArrayList<>(rows.size());
        for (RetrievalRepository.Row row : rows) {
            Float similarity = vectors.similarity(unit, row.memory().id());
            double keyword = bestRank > 0 ? row.keywordRank() / bestRank : 0;
            double cosine = similarity == null ? 0 : Math.max(0, similarity);
            candidates.add(new Candidate(row.memory(), similarity, keyword, row.keywordMatch(),
                    VECTOR_WEIGHT * cosine + KEYWORD_WEIGHT * keyword));
        }
        candidates.sort(Comparator.comparingDouble(Candidate::relevance).reversed());
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
