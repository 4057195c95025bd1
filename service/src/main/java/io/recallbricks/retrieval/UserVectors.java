package io.recallbricks.retrieval;

import io.recallbricks.embedding.Vectors;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;

/**
 * The embedded memories of one user, valid for one {@code version} of the user's index: unit-normalised row-major
 * matrices with the labels the search filters on. The first segment is a full load (newest first); a refresh adds
 * the rows changed since as a new segment and hides the rows they replace or that were deleted, so a write by a
 * user with 100k memories costs the refresh of one row, not a reload. Ranking is a dot product per visible row and a
 * bounded heap: O(rows × dimensions) time, O(k) extra space. Immutable, so any number of requests read it at once.
 */
public final class UserVectors {

    /** One row's similarity to the query. */
    public record Scored(UUID id, float similarity) {
    }

    /** The labels of one row, for filters. */
    public record Labels(String projectId, String source, String[] tags) {
    }

    /** Two rows and their cosine similarity. */
    public record Pair(UUID a, UUID b, float similarity) {
    }

    /** Rows loaded together; immutable and shared between versions. */
    private record Segment(UUID[] ids, float[] matrix, Labels[] labels, Map<UUID, Integer> rows) {
        static Segment of(int dimensions, UUID[] ids, float[] matrix, Labels[] labels) {
            Map<UUID, Integer> rows = new HashMap<>(ids.length * 2);
            for (int i = 0; i < ids.length; i++) {
                Vectors.normalize(matrix, i * dimensions, dimensions);
                rows.put(ids[i], i);
            }
            return new Segment(ids, matrix, labels, rows);
        }
    }

    /** Refresh segments kept before they are merged into one. */
    static final int MAX_SEGMENTS = 16;

    private final long version;
    private final int dimensions;
    private final List<Segment> segments;
    /** Per segment, the rows no longer current (replaced by a later segment, or deleted). */
    private final List<BitSet> hidden;
    private final int visible;

    public UserVectors(long version, int dimensions, UUID[] ids, float[] matrix, Labels[] labels) {
        this(version, dimensions, List.of(Segment.of(dimensions, ids, matrix, labels)), List.of(new BitSet()));
    }

    private UserVectors(long version, int dimensions, List<Segment> segments, List<BitSet> hidden) {
        this.version = version;
        this.dimensions = dimensions;
        this.segments = segments;
        this.hidden = hidden;
        int count = 0;
        for (int s = 0; s < segments.size(); s++) {
            count += segments.get(s).ids().length - hidden.get(s).cardinality();
        }
        this.visible = count;
    }

    public static UserVectors empty(long version, int dimensions) {
        return new UserVectors(version, dimensions, new UUID[0], new float[0], new Labels[0]);
    }

    /**
     * This index moved to {@code newVersion}: {@code ids} (with their raw vectors and labels) are the current rows of
     * memories that changed, and every memory in {@code removed} or in {@code ids} stops being what it was.
     */
    public UserVectors withChanges(long newVersion, UUID[] ids, float[] matrix, Labels[] labels, Collection<UUID> removed) {
        Set<UUID> replaced = new HashSet<>(removed);
        replaced.addAll(Arrays.asList(ids));
        List<BitSet> nextHidden = new ArrayList<>(hidden.size() + 1);
        for (int s = 0; s < segments.size(); s++) {
            BitSet copy = null;
            for (UUID id : replaced) {
                Integer row = segments.get(s).rows().get(id);
                if (row != null && !hidden.get(s).get(row)) {
                    if (copy == null) {
                        copy = (BitSet) hidden.get(s).clone();
                    }
                    copy.set(row);
                }
            }
            nextHidden.add(copy == null ? hidden.get(s) : copy);
        }
        List<Segment> nextSegments = new ArrayList<>(segments);
        if (ids.length > 0) {
            nextSegments.add(Segment.of(dimensions, ids, matrix, labels));
            nextHidden.add(new BitSet());
        }
        if (nextSegments.size() > MAX_SEGMENTS) {
            compactRefreshes(nextSegments, nextHidden);
        }
        return new UserVectors(newVersion, dimensions, List.copyOf(nextSegments), List.copyOf(nextHidden));
    }

    /** Merges the visible rows of all refresh segments (all but the first) into one, keeping lookups short. */
    private void compactRefreshes(List<Segment> segments, List<BitSet> hidden) {
        List<UUID> ids = new ArrayList<>();
        List<Labels> labels = new ArrayList<>();
        List<float[]> rows = new ArrayList<>();
        for (int s = 1; s < segments.size(); s++) {
            Segment segment = segments.get(s);
            for (int row = 0; row < segment.ids().length; row++) {
                if (!hidden.get(s).get(row)) {
                    ids.add(segment.ids()[row]);
                    labels.add(segment.labels()[row]);
                    rows.add(Arrays.copyOfRange(segment.matrix(), row * dimensions, (row + 1) * dimensions));
                }
            }
        }
        float[] matrix = new float[rows.size() * dimensions];
        for (int i = 0; i < rows.size(); i++) {
            System.arraycopy(rows.get(i), 0, matrix, i * dimensions, dimensions);
        }
        Segment base = segments.get(0);
        BitSet baseHidden = hidden.get(0);
        segments.clear();
        hidden.clear();
        segments.add(base);
        hidden.add(baseHidden);
        segments.add(Segment.of(dimensions, ids.toArray(UUID[]::new), matrix, labels.toArray(Labels[]::new)));
        hidden.add(new BitSet());
    }

    public long version() {
        return version;
    }

    /** Rows a search can return. */
    public int size() {
        return visible;
    }

    /** Rows held but no longer current, plus the rows of refresh segments: when large, a full reload is cheaper. */
    public int churn() {
        int churn = 0;
        for (int s = 0; s < segments.size(); s++) {
            churn += hidden.get(s).cardinality() + (s == 0 ? 0 : segments.get(s).ids().length);
        }
        return churn;
    }

    /** Bytes held, for the cache's weight. */
    public long weight() {
        long weight = 0;
        for (Segment segment : segments) {
            weight += (long) segment.matrix().length * Float.BYTES + (long) segment.ids().length * 96;
        }
        return weight;
    }

    /**
     * The {@code k} rows most similar to {@code query} (any length-{@code dimensions} vector; it is normalised here)
     * among those {@code filter} accepts and at least {@code minSimilarity}, best first.
     */
    public List<Scored> top(float[] query, int k, Filter filter, float minSimilarity) {
        if (query.length != dimensions || k <= 0 || visible == 0) {
            return List.of();
        }
        float[] unit = Vectors.normalized(query);
        PriorityQueue<Scored> best = new PriorityQueue<>(k + 1, Comparator.comparingDouble(Scored::similarity));
        for (int s = 0; s < segments.size(); s++) {
            Segment segment = segments.get(s);
            BitSet gone = hidden.get(s);
            for (int row = 0; row < segment.ids().length; row++) {
                if (gone.get(row) || (filter != null && !filter.accepts(segment.labels()[row]))) {
                    continue;
                }
                float similarity = Vectors.dot(unit, segment.matrix(), row * dimensions);
                if (similarity < minSimilarity) {
                    continue;
                }
                if (best.size() < k) {
                    best.add(new Scored(segment.ids()[row], similarity));
                } else if (similarity > best.peek().similarity()) {
                    best.poll();
                    best.add(new Scored(segment.ids()[row], similarity));
                }
            }
        }
        List<Scored> ranked = new ArrayList<>(best);
        ranked.sort(Comparator.comparingDouble(Scored::similarity).reversed());
        return ranked;
    }

    /** Cosine similarity of a unit {@code query} to one memory, or null when it has no (current) embedding. */
    public Float similarity(float[] unitQuery, UUID id) {
        if (unitQuery.length != dimensions) {
            return null;
        }
        for (int s = segments.size() - 1; s >= 0; s--) {
            Integer row = segments.get(s).rows().get(id);
            if (row != null && !hidden.get(s).get(row)) {
                return Vectors.dot(unitQuery, segments.get(s).matrix(), row * dimensions);
            }
        }
        return null;
    }

    /**
     * Pairs among the first {@code window} visible rows (the newest memories of the last full load) with at least
     * {@code threshold} similarity, at most {@code limit} of them. O(window² × dimensions): background use only.
     */
    public List<Pair> similarPairs(int window, float threshold, int limit) {
        List<UUID> ids = new ArrayList<>();
        List<float[]> rows = new ArrayList<>();
        for (int s = 0; s < segments.size() && ids.size() < window; s++) {
            Segment segment = segments.get(s);
            for (int row = 0; row < segment.ids().length && ids.size() < window; row++) {
                if (!hidden.get(s).get(row)) {
                    ids.add(segment.ids()[row]);
                    rows.add(Arrays.copyOfRange(segment.matrix(), row * dimensions, (row + 1) * dimensions));
                }
            }
        }
        List<Pair> pairs = new ArrayList<>();
        for (int i = 0; i < ids.size() && pairs.size() < limit; i++) {
            for (int j = i + 1; j < ids.size() && pairs.size() < limit; j++) {
                float similarity = Vectors.dot(rows.get(i), rows.get(j), 0);
                if (similarity >= threshold) {
                    pairs.add(new Pair(ids.get(i), ids.get(j), similarity));
                }
            }
        }
        return pairs;
    }

    /** The filters of a search (project, source, all of some tags), checked against a row's labels. */
    public record Filter(String projectId, String source, List<String> tags) {

        public static final Filter NONE = new Filter(null, null, List.of());

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
