package io.recallbricks.retrieval;

import io.recallbricks.embedding.Vectors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.UUID;

/**
 * The embedded memories of one user as one unit-normalised row-major matrix, with the labels the search filters
 * on, valid for one {@code version} of the user's index. Ranking is a dot product per row and a bounded heap:
 * O(rows × dimensions) time, O(k) extra space. Immutable, so any number of requests read it at once.
 */
public final class UserVectors {

    /** One row's similarity to the query. */
    public record Scored(UUID id, float similarity) {
    }

    /** The labels of one row, for filters. */
    public record Labels(String projectId, String source, String[] tags) {
    }

    private final long version;
    private final int dimensions;
    private final UUID[] ids;
    private final float[] matrix;
    private final Labels[] labels;
    private final Map<UUID, Integer> rows;

    public UserVectors(long version, int dimensions, UUID[] ids, float[] matrix, Labels[] labels) {
        this.version = version;
        this.dimensions = dimensions;
        this.ids = ids;
        this.matrix = matrix;
        this.labels = labels;
        this.rows = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            Vectors.normalize(matrix, i * dimensions, dimensions);
            rows.put(ids[i], i);
        }
    }

    public static UserVectors empty(long version, int dimensions) {
        return new UserVectors(version, dimensions, new UUID[0], new float[0], new Labels[0]);
    }

    public long version() {
        return version;
    }

    public int size() {
        return ids.length;
    }

    /** Bytes held, for the cache's weight. */
    public long weight() {
        return (long) matrix.length * Float.BYTES + (long) ids.length * 96;
    }

    /**
     * The {@code k} rows most similar to {@code query} (any length-{@code dimensions} vector; it is normalised here)
     * among those {@code filter} accepts and at least {@code minSimilarity}, best first.
     */
    public List<Scored> top(float[] query, int k, Filter filter, float minSimilarity) {
        if (query.length != dimensions || k <= 0 || ids.length == 0) {
            return List.of();
        }
        float[] unit = Vectors.normalized(query);
        PriorityQueue<Scored> best = new PriorityQueue<>(k + 1, Comparator.comparingDouble(Scored::similarity));
        for (int row = 0; row < ids.length; row++) {
            if (filter != null && !filter.accepts(labels[row])) {
                continue;
            }
            float similarity = Vectors.dot(unit, matrix, row * dimensions);
            if (similarity < minSimilarity) {
                continue;
            }
            if (best.size() < k) {
                best.add(new Scored(ids[row], similarity));
            } else if (similarity > best.peek().similarity()) {
                best.poll();
                best.add(new Scored(ids[row], similarity));
            }
        }
        List<Scored> ranked = new ArrayList<>(best);
        ranked.sort(Comparator.comparingDouble(Scored::similarity).reversed());
        return ranked;
    }

    /** Cosine similarity of {@code query} to one memory, or null when the memory has no (current) embedding. */
    public Float similarity(float[] unitQuery, UUID id) {
        Integer row = rows.get(id);
        return row == null || unitQuery.length != dimensions ? null : Vectors.dot(unitQuery, matrix, row * dimensions);
    }

    /** Two rows and their cosine similarity. */
    public record Pair(UUID a, UUID b, float similarity) {
    }

    /**
     * Pairs among the first {@code window} rows (the newest memories: rows are loaded newest first) with at least
     * {@code threshold} similarity, at most {@code limit} of them. O(window² × dimensions): background use only.
     */
    public List<Pair> similarPairs(int window, float threshold, int limit) {
        int n = Math.min(window, ids.length);
        List<Pair> pairs = new ArrayList<>();
        float[] row = new float[dimensions];
        for (int i = 0; i < n && pairs.size() < limit; i++) {
            System.arraycopy(matrix, i * dimensions, row, 0, dimensions);
            for (int j = i + 1; j < n && pairs.size() < limit; j++) {
                float similarity = Vectors.dot(row, matrix, j * dimensions);
                if (similarity >= threshold) {
                    pairs.add(new Pair(ids[i], ids[j], similarity));
                }
            }
        }
        return pairs;
    }

    /** The filters of a search (project, source, all of some tags), checked against a row's labels. */
    public record Filter(String projectId, String source, List<String> tags) {

        public static final Filter NONE = new Filter(null, null, List.of());

        public boolean isEmpty() {
            return projectId == null && source == null && (tags == null || tags.isEmpty());
        }

        boolean accepts(Labels row) {
            if (projectId != null && !projectId.equals(row.projectId())) {
                return false;
            }
            if (source != null && !source.equals(row.source())) {
                return false;
            }
            if (tags != null) {
                for (String tag : tags) {
                    if (!Arrays.asList(row.tags()).contains(tag)) {
                        return false;
                    }
                }
            }
            return true;
        }
    }
}
