package io.recallbricks.retrieval;

import io.recallbricks.embedding.Vectors;
import org.apache.lucene.util.Bits;

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
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The embedded memories of one user, valid for one {@code version} of the user's index: unit-normalised rows kept in
 * 8 bits per dimension ({@link Int8Rows}) with the labels the search filters on. The first segment is a full load
 * (newest first); a refresh adds the rows changed since as a new segment and hides the rows they replace or that were
 * deleted, so a write by a user with 100k memories costs the refresh of one row, not a reload.
 *
 * <p>Ranking: the first segment gets an approximate-nearest-neighbour graph ({@link AnnGraph}, built once per load,
 * in the background; until it is there the segment is scanned), which proposes {@link #beam(int)} candidates; the
 * refresh segments (small) are scanned; every candidate is then scored with the full-precision query against its
 * 8-bit row and the best k kept. A search at 100k memories therefore visits a few thousand rows, not 100k. Immutable
 * (the graph is attached once to a shared segment), so any number of requests read it at once.
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

    /** Rows loaded together, shared between versions; immutable but for the graph, attached once when built. */
    private static final class Segment {
        final UUID[] ids;
        final byte[][] codes;
        final float[] scales;
        final Labels[] labels;
        final Map<UUID, Integer> rows;
        private final AtomicBoolean building = new AtomicBoolean();
        private volatile AnnGraph graph;

        private Segment(UUID[] ids, byte[][] codes, float[] scales, Labels[] labels) {
            this.ids = ids;
            this.codes = codes;
            this.scales = scales;
            this.labels = labels;
            this.rows = new HashMap<>(ids.length * 2);
            for (int i = 0; i < ids.length; i++) {
                rows.put(ids[i], i);
            }
        }

        /** Normalises {@code matrix}'s rows in place (callers may read them as the cosine's operands) and quantises them. */
        static Segment of(int dimensions, UUID[] ids, float[] matrix, Labels[] labels) {
            byte[][] codes = new byte[ids.length][];
            float[] scales = new float[ids.length];
            for (int i = 0; i < ids.length; i++) {
                Vectors.normalize(matrix, i * dimensions, dimensions);
                codes[i] = new byte[dimensions];
                scales[i] = Int8Rows.quantize(matrix, i * dimensions, dimensions, codes[i]);
            }
            return new Segment(ids, codes, scales, labels);
        }

        int length() {
            return ids.length;
        }

        long weight() {
            long bytes = 0;
            for (byte[] code : codes) {
                bytes += code.length + 16;
            }
            AnnGraph built = graph;
            return bytes + (long) ids.length * (Float.BYTES + 96) + (built == null ? 0 : built.ramBytesUsed());
        }
    }

    /** Refresh segments kept before they are merged into one. */
    static final int MAX_SEGMENTS = 16;
    /** Below this many rows a scan costs about what a graph search does (1k x 1,536 dims: well under a millisecond). */
    public static final int INDEX_MIN_ROWS = 4096;
    /** Candidates the graph proposes for the re-rank: at least this many, or four times k. */
    static final int MIN_BEAM = 100;

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
            count += segments.get(s).length() - hidden.get(s).cardinality();
        }
        this.visible = count;
    }

    /**
     * Collects loaded rows one at a time, quantising each as it comes, so a load never holds the user's vectors in
     * float32 (100k x 1,536 dims would be 600 MB for a moment).
     */
    public static final class Builder {
        private final int dimensions;
        private final float[] scratch;
        private final List<UUID> ids = new ArrayList<>();
        private final List<byte[]> codes = new ArrayList<>();
        private float[] scales = new float[64];
        private final List<Labels> labels = new ArrayList<>();

        public Builder(int dimensions) {
            this.dimensions = dimensions;
            this.scratch = new float[dimensions];
        }

        /** Adds a row stored as little-endian float32 bytes; false (and nothing added) when it has another size. */
        public boolean add(UUID id, byte[] float32, Labels rowLabels) {
            if (float32.length != dimensions * Float.BYTES) {
                return false;
            }
            Vectors.readInto(float32, scratch, 0);
            Vectors.normalize(scratch, 0, dimensions);
            byte[] code = new byte[dimensions];
            if (ids.size() == scales.length) {
                scales = Arrays.copyOf(scales, scales.length * 2);
            }
            scales[ids.size()] = Int8Rows.quantize(scratch, 0, dimensions, code);
            ids.add(id);
            codes.add(code);
            labels.add(rowLabels);
            return true;
        }

        public UserVectors build(long version) {
            Segment segment = new Segment(ids.toArray(UUID[]::new), codes.toArray(byte[][]::new),
                    Arrays.copyOf(scales, ids.size()), labels.toArray(Labels[]::new));
            return new UserVectors(version, dimensions, List.of(segment), List.of(new BitSet()));
        }
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
                Integer row = segments.get(s).rows.get(id);
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
    private static void compactRefreshes(List<Segment> segments, List<BitSet> hidden) {
        List<UUID> ids = new ArrayList<>();
        List<Labels> labels = new ArrayList<>();
        List<byte[]> codes = new ArrayList<>();
        List<Float> scales = new ArrayList<>();
        for (int s = 1; s < segments.size(); s++) {
            Segment segment = segments.get(s);
            for (int row = 0; row < segment.length(); row++) {
                if (!hidden.get(s).get(row)) {
                    ids.add(segment.ids[row]);
                    labels.add(segment.labels[row]);
                    codes.add(segment.codes[row]);
                    scales.add(segment.scales[row]);
                }
            }
        }
        float[] scaleArray = new float[scales.size()];
        for (int i = 0; i < scaleArray.length; i++) {
            scaleArray[i] = scales.get(i);
        }
        Segment base = segments.get(0);
        BitSet baseHidden = hidden.get(0);
        segments.clear();
        hidden.clear();
        segments.add(base);
        hidden.add(baseHidden);
        segments.add(new Segment(ids.toArray(UUID[]::new), codes.toArray(byte[][]::new), scaleArray, labels.toArray(Labels[]::new)));
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
            churn += hidden.get(s).cardinality() + (s == 0 ? 0 : segments.get(s).length());
        }
        return churn;
    }

    /** Bytes held, for the cache's weight. */
    public long weight() {
        long weight = 0;
        for (Segment segment : segments) {
            weight += segment.weight();
        }
        return weight;
    }

    /** Whether the loaded rows are many enough for a graph and it has not been built (or started) yet. */
    public boolean wantsIndex() {
        Segment base = segments.get(0);
        return base.length() >= INDEX_MIN_ROWS && base.graph == null && !base.building.get();
    }

    /**
     * Builds the graph over the loaded rows, whatever their number, unless it is built or being built (then returns at
     * once). CPU-heavy (100k rows x 384 dims: tens of seconds on one core): {@link VectorIndex} runs it in the
     * background while searches scan.
     */
    public void buildIndex() {
        Segment base = segments.get(0);
        if (base.length() == 0 || !base.building.compareAndSet(false, true)) {
            return;
        }
        base.graph = AnnGraph.build(base.codes, base.scales);
    }

    /** Whether searches of this version use the graph for the loaded rows. */
    public boolean indexed() {
        return segments.get(0).graph != null;
    }

    /**
     * The {@code k} rows most similar to {@code query} (any length-{@code dimensions} vector; it is normalised here)
     * among those {@code filter} accepts and at least {@code minSimilarity}, best first. Approximate on the loaded rows
     * once their graph is built (recall@10 against {@link #topExact} measured by perf-jmh's AnnRankingBenchmark).
     */
    public List<Scored> top(float[] query, int k, Filter filter, float minSimilarity) {
        return rank(query, k, filter, minSimilarity, true);
    }

    /** The same ranking by a scan of every row: the reference the graph's recall is measured against. */
    public List<Scored> topExact(float[] query, int k, Filter filter, float minSimilarity) {
        return rank(query, k, filter, minSimilarity, false);
    }

    static int beam(int k) {
        return Math.max(MIN_BEAM, 4 * k);
    }

    private List<Scored> rank(float[] query, int k, Filter filter, float minSimilarity, boolean useGraph) {
        if (query.length != dimensions || k <= 0 || visible == 0) {
            return List.of();
        }
        float[] unit = Vectors.normalized(query);
        Filter active = filter == null || filter.acceptsAll() ? null : filter;
        TopK best = new TopK(k);
        for (int s = 0; s < segments.size(); s++) {
            Segment segment = segments.get(s);
            BitSet gone = hidden.get(s);
            AnnGraph graph = useGraph ? segment.graph : null;
            int[] candidates = null;
            if (graph != null) {
                byte[] code = new byte[dimensions];
                float scale = Int8Rows.quantize(unit, 0, dimensions, code);
                Bits accept = active == null && gone.isEmpty() ? null : new Accepted(segment, gone, active);
                // A filter accepting few rows makes the graph walk far for its candidates; past this, a scan is cheaper.
                int visitLimit = active == null ? Integer.MAX_VALUE : Math.max(10 * beam(k), segment.length() / 8);
                candidates = graph.search(code, scale, segment.codes, segment.scales, beam(k), accept, visitLimit);
            }
            if (candidates != null) {
                for (int row : candidates) {
                    best.offer(segment, row, Int8Rows.dot(unit, segment.codes[row], segment.scales[row]), minSimilarity);
                }
                continue;
            }
            for (int row = 0; row < segment.length(); row++) {
                if (gone.get(row) || (active != null && !active.accepts(segment.labels[row]))) {
                    continue;
                }
                best.offer(segment, row, Int8Rows.dot(unit, segment.codes[row], segment.scales[row]), minSimilarity);
            }
        }
        return best.ranked();
    }

    /** A bounded heap of the best rows seen. */
    private static final class TopK {
        private final int k;
        private final PriorityQueue<Scored> best;

        TopK(int k) {
            this.k = k;
            this.best = new PriorityQueue<>(k + 1, Comparator.comparingDouble(Scored::similarity));
        }

        void offer(Segment segment, int row, float similarity, float minSimilarity) {
            if (similarity < minSimilarity) {
                return;
            }
            if (best.size() < k) {
                best.add(new Scored(segment.ids[row], similarity));
            } else if (similarity > best.peek().similarity()) {
                best.poll();
                best.add(new Scored(segment.ids[row], similarity));
            }
        }

        List<Scored> ranked() {
            List<Scored> ranked = new ArrayList<>(best);
            ranked.sort(Comparator.comparingDouble(Scored::similarity).reversed());
            return ranked;
        }
    }

    /** The rows of a segment a search may return, as the graph search asks for them. */
    private record Accepted(Segment segment, BitSet gone, Filter filter) implements Bits {
        @Override
        public boolean get(int row) {
            return !gone.get(row) && (filter == null || filter.accepts(segment.labels[row]));
        }

        @Override
        public int length() {
            return segment.length();
        }
    }

    /** Cosine similarity of a unit {@code query} to one memory, or null when it has no (current) embedding. */
    public Float similarity(float[] unitQuery, UUID id) {
        if (unitQuery.length != dimensions) {
            return null;
        }
        for (int s = segments.size() - 1; s >= 0; s--) {
            Segment segment = segments.get(s);
            Integer row = segment.rows.get(id);
            if (row != null && !hidden.get(s).get(row)) {
                return Int8Rows.dot(unitQuery, segment.codes[row], segment.scales[row]);
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
            for (int row = 0; row < segment.length() && ids.size() < window; row++) {
                if (!hidden.get(s).get(row)) {
                    ids.add(segment.ids[row]);
                    rows.add(Int8Rows.decode(segment.codes[row], segment.scales[row]));
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

        boolean acceptsAll() {
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
