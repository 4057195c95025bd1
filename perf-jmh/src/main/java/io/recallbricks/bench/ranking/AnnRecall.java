package io.recallbricks.bench.ranking;

import io.recallbricks.retrieval.UserVectors;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** Recall@k of the service's graph search against its exact scan: the share of the true top k the graph returns. */
final class AnnRecall {

    private AnnRecall() {
    }

    static double recallAt(UserVectors vectors, float[][] queries, int k) {
        long found = 0;
        long asked = 0;
        for (float[] query : queries) {
            Set<UUID> exact = new HashSet<>();
            vectors.topExact(query, k, null, -1f).forEach(hit -> exact.add(hit.id()));
            List<UserVectors.Scored> approximate = vectors.top(query, k, null, -1f);
            asked += exact.size();
            found += approximate.stream().filter(hit -> exact.contains(hit.id())).count();
        }
        return asked == 0 ? 1.0 : (double) found / asked;
    }
}
