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
}
