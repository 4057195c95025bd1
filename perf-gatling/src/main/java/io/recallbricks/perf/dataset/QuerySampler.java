package io.recallbricks.perf.dataset;

import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.DiscreteSampler;
import org.apache.commons.rng.sampling.distribution.RejectionInversionZipfSampler;
import org.apache.commons.rng.simple.RandomSource;

/**
 * Draws queries with the repeat pattern of real traffic: a few queries are asked very often, most rarely
 * (Zipf over the corpus ranks). Exponent 1.0 means the most popular query comes about twice as often as the
 * second, and the top 10% of 5,000 queries make up roughly 70% of the draws.
 */
public final class QuerySampler {

    public static final double DEFAULT_EXPONENT = 1.0;

    private final List<String> queries;
    private final DiscreteSampler ranks;
    private final UniformRandomProvider rng;
    private final double newShare;
    private long newQueries;

    public QuerySampler(List<String> queries, double exponent, long seed) {
        this(queries, exponent, seed, 0);
    }

    /**
     * @param newShare share of draws that are a query never asked before (a popular query with a detail that makes
     *                 its text unique), so an embedding cache keyed by the text misses them by construction
     */
    public QuerySampler(List<String> queries, double exponent, long seed, double newShare) {
        if (queries.isEmpty()) throw new IllegalArgumentException("no queries to sample from");
        if (newShare < 0 || newShare > 1) throw new IllegalArgumentException("newShare must be in [0, 1]");
        this.queries = List.copyOf(queries);
        this.rng = RandomSource.XO_RO_SHI_RO_128_PP.create(seed);
        this.ranks = RejectionInversionZipfSampler.of(rng, queries.size(), exponent);
        this.newShare = newShare;
    }

    /** Thread-safe: Gatling calls it from several event-loop threads. */
    public synchronized String next() {
        String query = queries.get(ranks.sample() - 1);
        if (newShare > 0 && rng.nextDouble() < newShare) {
            return query + " (case " + (++newQueries) + ")";
        }
        return query;
    }

    public int size() {
        return queries.size();
    }
}
