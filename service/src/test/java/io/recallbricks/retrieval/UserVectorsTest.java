package io.recallbricks.retrieval;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UserVectorsTest {

    private static final UserVectors.Labels DEFAULT = new UserVectors.Labels("default", "api", new String[]{"ops"});

    @Test
    void topReturnsTheMostSimilarRowsBestFirstWithinTheFilterAndThreshold() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        UserVectors vectors = new UserVectors(7, 2, new UUID[]{a, b, c},
                new float[]{1, 0, 0.8f, 0.6f, 0, 3},
                new UserVectors.Labels[]{DEFAULT, new UserVectors.Labels("other", "api", new String[0]), DEFAULT});

        List<UserVectors.Scored> top = vectors.top(new float[]{2, 0}, 2, UserVectors.Filter.NONE, 0f);
        assertEquals(List.of(a, b), top.stream().map(UserVectors.Scored::id).toList());
        assertEquals(1.0f, top.get(0).similarity(), 1e-6);
        assertEquals(0.8f, top.get(1).similarity(), 1e-6, "rows are normalised: cosine, not dot product");

        List<UserVectors.Scored> filtered = vectors.top(new float[]{1, 0}, 3, new UserVectors.Filter("default", null, List.of("ops")), 0f);
        assertEquals(List.of(a, c), filtered.stream().map(UserVectors.Scored::id).toList());
        assertEquals(1, vectors.top(new float[]{1, 0}, 3, UserVectors.Filter.NONE, 0.9f).size(), "threshold");
        assertTrue(vectors.top(new float[]{1, 0, 0}, 3, UserVectors.Filter.NONE, 0f).isEmpty(), "wrong size query");
    }

    @Test
    void similarPairsFindsNearDuplicatesOnly() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        UserVectors vectors = new UserVectors(1, 2, new UUID[]{a, b, c}, new float[]{1, 0, 0.99f, 0.05f, 0, 1},
                new UserVectors.Labels[]{DEFAULT, DEFAULT, DEFAULT});

        List<UserVectors.Pair> pairs = vectors.similarPairs(10, 0.9f, 10);

        assertEquals(1, pairs.size());
        assertEquals(a, pairs.get(0).a());
        assertEquals(b, pairs.get(0).b());
    }

    @Test
    void changesReplaceHideAndAddRowsWithoutTouchingTheOldVersion() {
        UUID a = UUID.randomUUID();
        UUID b = UUID.randomUUID();
        UUID c = UUID.randomUUID();
        UserVectors v1 = new UserVectors(1, 2, new UUID[]{a, b}, new float[]{1, 0, 0, 1}, new UserVectors.Labels[]{DEFAULT, DEFAULT});

        // a now points the other way, b is deleted, c is new.
        UserVectors v2 = v1.withChanges(2, new UUID[]{a, c}, new float[]{0, 1, 1, 1}, new UserVectors.Labels[]{DEFAULT, DEFAULT},
                List.of(b));

        assertEquals(2, v1.size(), "the old version is unchanged");
        assertEquals(2, v2.size());
        assertEquals(2, v2.version());
        List<UUID> ranked = v2.top(new float[]{0, 1}, 5, UserVectors.Filter.NONE, 0f).stream().map(UserVectors.Scored::id).toList();
        assertEquals(List.of(a, c), ranked);
        assertEquals(1.0f, v2.similarity(new float[]{0, 1}, a), 1e-6);
        assertEquals(null, v2.similarity(new float[]{0, 1}, b));
    }

    @Test
    void manyRefreshesAreCompactedAndStayCorrect() {
        UUID base = UUID.randomUUID();
        UserVectors vectors = new UserVectors(1, 2, new UUID[]{base}, new float[]{1, 0}, new UserVectors.Labels[]{DEFAULT});
        UUID last = null;
        for (int i = 0; i < 3 * UserVectors.MAX_SEGMENTS; i++) {
            last = UUID.randomUUID();
            vectors = vectors.withChanges(i + 2, new UUID[]{last}, new float[]{0, 1}, new UserVectors.Labels[]{DEFAULT}, List.of());
        }

        assertEquals(1 + 3 * UserVectors.MAX_SEGMENTS, vectors.size());
        assertEquals(1.0f, vectors.similarity(new float[]{0, 1}, last), 1e-6);
        assertEquals(base, vectors.top(new float[]{1, 0}, 1, UserVectors.Filter.NONE, 0f).get(0).id());
    }

    /** Vectors around a few hundred centres, as embeddings of related texts cluster; the graph's worst case is noise. */
    private static float[] clustered(int rows, int dimensions, long seed) {
        java.util.Random random = new java.util.Random(seed);
        int centres = Math.max(1, rows / 50);
        float[] centre = new float[centres * dimensions];
        for (int i = 0; i < centre.length; i++) {
            centre[i] = (float) random.nextGaussian();
        }
        float[] matrix = new float[rows * dimensions];
        for (int r = 0; r < rows; r++) {
            int c = random.nextInt(centres);
            for (int d = 0; d < dimensions; d++) {
                matrix[r * dimensions + d] = centre[c * dimensions + d] + 0.7f * (float) random.nextGaussian();
            }
        }
        return matrix;
    }

    @Test
    void theGraphFindsWhatTheScanFindsAndRespectsDeletionsAndFilters() {
        int rows = 6000;
        int dimensions = 64;
        float[] matrix = clustered(rows, dimensions, 3);
        UUID[] ids = new UUID[rows];
        UserVectors.Labels[] labels = new UserVectors.Labels[rows];
        UserVectors.Labels other = new UserVectors.Labels("other", "api", new String[0]);
        for (int r = 0; r < rows; r++) {
            ids[r] = UUID.randomUUID();
            labels[r] = r % 2 == 0 ? DEFAULT : other;
        }
        UserVectors vectors = new UserVectors(1, dimensions, ids, matrix.clone(), labels);
        assertTrue(vectors.wantsIndex(), "enough rows for a graph");
        vectors.buildIndex();
        assertTrue(vectors.indexed());

        java.util.Random random = new java.util.Random(11);
        int found = 0;
        int asked = 0;
        for (int q = 0; q < 50; q++) {
            float[] query = new float[dimensions];
            int row = random.nextInt(rows);
            for (int d = 0; d < dimensions; d++) {
                query[d] = matrix[row * dimensions + d] + 0.3f * (float) random.nextGaussian();
            }
            List<UUID> exact = vectors.topExact(query, 10, UserVectors.Filter.NONE, -1f).stream().map(UserVectors.Scored::id).toList();
            List<UUID> approximate = vectors.top(query, 10, UserVectors.Filter.NONE, -1f).stream().map(UserVectors.Scored::id).toList();
            asked += exact.size();
            found += (int) approximate.stream().filter(exact::contains).count();
        }
        assertTrue(found >= 0.95 * asked, "recall@10 " + found + " of " + asked);

        float[] query = java.util.Arrays.copyOfRange(matrix, 0, dimensions);
        assertEquals(ids[0], vectors.top(query, 1, UserVectors.Filter.NONE, -1f).get(0).id(), "a row is its own nearest");
        UserVectors deleted = vectors.withChanges(2, new UUID[0], new float[0], new UserVectors.Labels[0], List.of(ids[0]));
        assertTrue(deleted.indexed(), "a refresh keeps the graph of the loaded rows");
        assertTrue(deleted.top(query, 10, UserVectors.Filter.NONE, -1f).stream().noneMatch(s -> s.id().equals(ids[0])),
                "a deleted row is never returned");
        UserVectors.Filter onlyOther = new UserVectors.Filter("other", null, List.of());
        List<UserVectors.Scored> filtered = vectors.top(query, 10, onlyOther, -1f);
        assertEquals(10, filtered.size());
        java.util.Set<UUID> otherIds = new java.util.HashSet<>();
        for (int r = 1; r < rows; r += 2) {
            otherIds.add(ids[r]);
        }
        assertTrue(filtered.stream().allMatch(s -> otherIds.contains(s.id())), "the filter holds on the graph path");
    }
}
