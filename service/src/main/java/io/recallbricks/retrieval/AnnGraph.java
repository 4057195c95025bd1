package io.recallbricks.retrieval;

import org.apache.lucene.search.KnnCollector;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.util.Bits;
import org.apache.lucene.util.hnsw.HnswGraphBuilder;
import org.apache.lucene.util.hnsw.HnswGraphSearcher;
import org.apache.lucene.util.hnsw.OnHeapHnswGraph;
import org.apache.lucene.util.hnsw.RandomVectorScorer;
import org.apache.lucene.util.hnsw.RandomVectorScorerSupplier;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * An approximate-nearest-neighbour graph (Lucene's HNSW, on the heap) over one segment's 8-bit rows: a search visits
 * a few thousand rows whatever the segment's size, instead of all of them. It only proposes candidates; the caller
 * re-ranks them with the full-precision query. Built once per loaded segment (in the background, see
 * {@link VectorIndex}), read by any number of searches at once. Any dimension.
 */
final class AnnGraph {

    /** Neighbours per node (Lucene's default 16) and the candidate list while building (Lucene's default 100). */
    static final int MAX_CONNECTIONS = 16;
    static final int BEAM_WIDTH = 100;
    /** Fixed, so that the same rows always give the same graph (and benchmark forks measure the same thing). */
    private static final long SEED = 42;

    private final OnHeapHnswGraph graph;
    private final int size;

    private AnnGraph(OnHeapHnswGraph graph, int size) {
        this.graph = graph;
        this.size = size;
    }

    static AnnGraph build(byte[][] codes, float[] scales) {
        try {
            HnswGraphBuilder builder = HnswGraphBuilder.create(new Rows(codes, scales), MAX_CONNECTIONS, BEAM_WIDTH, SEED);
            return new AnnGraph(builder.build(codes.length), codes.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // on-heap rows: never thrown
        }
    }

    /**
     * Up to {@code beam} rows near the quantised query among those {@code accept} allows (null: all), best first by the
     * 8-bit similarity; or null when the search gave up after visiting {@code visitLimit} rows (a filter that accepts
     * few rows): the caller then scans.
     */
    int[] search(byte[] query, float queryScale, byte[][] codes, float[] scales, int beam, Bits accept, int visitLimit) {
        RandomVectorScorer scorer = new RandomVectorScorer() {
            @Override
            public float score(int node) {
                return similarityScore(Int8Rows.dot(query, queryScale, codes[node], scales[node]));
            }

            @Override
            public int maxOrd() {
                return size;
            }
        };
        try {
            KnnCollector found = HnswGraphSearcher.search(scorer, beam, graph, accept, visitLimit);
            if (found.earlyTerminated()) {
                return null;
            }
            ScoreDoc[] docs = found.topDocs().scoreDocs;
            int[] rows = new int[docs.length];
            for (int i = 0; i < docs.length; i++) {
                rows[i] = docs[i].doc;
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    long ramBytesUsed() {
        return graph.ramBytesUsed();
    }

    /** Lucene's graph wants non-negative scores, higher is nearer: cosine mapped to [0, 1]. */
    private static float similarityScore(float cosine) {
        return Math.max(0f, (1f + cosine) / 2f);
    }

    /** The segment's rows as Lucene's builder reads them. Stateless, so one instance serves every thread. */
    private record Rows(byte[][] codes, float[] scales) implements RandomVectorScorerSupplier {

        @Override
        public RandomVectorScorer scorer(int ord) {
            byte[] row = codes[ord];
            float scale = scales[ord];
            return new RandomVectorScorer() {
                @Override
                public float score(int node) {
                    return similarityScore(Int8Rows.dot(row, scale, codes[node], scales[node]));
                }

                @Override
                public int maxOrd() {
                    return codes.length;
                }
            };
        }

        @Override
        public RandomVectorScorerSupplier copy() {
            return this;
        }
    }
}
