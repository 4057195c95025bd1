package io.recallbricks.bench.standins;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.recallbricks.bench.fixtures.Corpus;
import io.recallbricks.embedding.Embedder;
import io.recallbricks.memory.Memory;
import io.recallbricks.retrieval.HybridRetriever;
import io.recallbricks.retrieval.RetrievalRepository;
import io.recallbricks.retrieval.RetrievalSettings;
import io.recallbricks.retrieval.UserVectors;
import io.recallbricks.retrieval.VectorIndex;
import io.recallbricks.retrieval.VectorIndexRepository;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The service's {@link HybridRetriever}, {@link VectorIndex} and {@link Embedder} (real code) over one tenant held in
 * memory: the two repositories answer from maps what PostgreSQL would answer (the index version; the candidate rows
 * with their full-text ranks). What a benchmark of {@link HybridRetriever#retrieve} then measures is the service's
 * own CPU work per query: the embedding cache hit, the version check against the cached matrix, top-k, and the
 * fusion of vector and keyword scores, without the two database round trips.
 */
public final class InMemoryRetrieval {

    public final UUID userId = new UUID(1, 1);
    public final UserVectors vectors;
    public final HybridRetriever retriever;
    public final Embedder embedder;

    public InMemoryRetrieval(int rows, int dimensions, float[] matrix, int keywordMatches) {
        UUID[] ids = Corpus.ids(rows, 7);
        this.vectors = new UserVectors(1, dimensions, ids, matrix, Corpus.labels(rows));
        Map<UUID, Memory> memories = new HashMap<>(rows * 2);
        for (int i = 0; i < rows; i++) {
            memories.put(ids[i], Corpus.memory(ids[i], userId, i));
        }
        // The rows a full-text match would return: every 7th memory, ranks falling off from the best.
        List<RetrievalRepository.Row> keywordRows = new ArrayList<>();
        for (int i = 0; i < rows && keywordRows.size() < keywordMatches; i += 7) {
            keywordRows.add(new RetrievalRepository.Row(memories.get(ids[i]), 0.1 / (1 + keywordRows.size()), true));
        }
        this.embedder = ServiceParts.embedder(dimensions, 10_000);
        VectorIndex index = new VectorIndex(new FixedVersionRepository(vectors), embedder, ServiceSettings.from(RetrievalSettings.class, Map.of()),
                new SimpleMeterRegistry());
        this.retriever = new HybridRetriever(embedder, index, new MapRetrievalRepository(memories, keywordRows));
    }

    /** The index version never moves, so VectorIndex keeps serving its cached matrix, as between writes. */
    private static final class FixedVersionRepository extends VectorIndexRepository {
        private final UserVectors vectors;

        FixedVersionRepository(UserVectors vectors) {
            super(null);
            this.vectors = vectors;
        }

        @Override
        public long version(UUID userId) {
            return vectors.version();
        }

        @Override
        public UserVectors load(UUID userId, String model, int dimensions, long deadlineNanos) {
            return vectors;
        }
    }

    /** The candidate statement's answer: the vector candidates' rows united with the keyword matches. */
    private static final class MapRetrievalRepository extends RetrievalRepository {
        private final Map<UUID, Memory> memories;
        private final List<Row> keywordRows;

        MapRetrievalRepository(Map<UUID, Memory> memories, List<Row> keywordRows) {
            super(null, null);
            this.memories = memories;
            this.keywordRows = keywordRows;
        }

        @Override
        public List<Row> candidates(UUID userId, List<UUID> ids, String tsquery, int keywordLimit, UserVectors.Filter filter) {
            Map<UUID, Row> union = new LinkedHashMap<>();
            for (int i = 0; i < keywordRows.size() && i < keywordLimit; i++) {
                Row row = keywordRows.get(i);
                union.put(row.memory().id(), row);
            }
            for (UUID id : ids) {
                union.putIfAbsent(id, new Row(memories.get(id), 0, false));
            }
            return new ArrayList<>(union.values());
        }

        @Override
        public List<Row> keywordSearch(UUID userId, String tsquery, UserVectors.Filter filter, int limit) {
            return keywordRows.subList(0, Math.min(limit, keywordRows.size()));
        }
    }
}
