package io.recallbricks.chaos.experiment.load;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the load asks: the design's read mix (predict 40 %, suggest 30 %, search 20 %, maintenance 5 %, learning
 * metrics 5 %) over several tenants with varied queries, plus memory creations at their own rate.
 */
public final class Workload {

    /**
     * Words of the seeded memories. Queries combine two or three of them at random (about 10,000 combinations), so
     * the service's embedding cache rarely holds a query: a cached query vector would let retrieval stay hybrid while
     * the embedding API is down, and hide whether the fallback works.
     */
    static final String[] WORDS = {
            "postgresql", "password", "rotation", "audit", "redis", "cache", "eviction", "session", "store",
            "kubernetes", "pod", "restarts", "memory", "limit", "customer", "invoices", "euros", "january",
            "deploy", "billing", "service", "load", "balancer", "nightly", "backup", "job", "schedule", "quarterly",
            "checklist", "policy", "change", "finish",
    };

    private final List<Tenant> tenants;

    public Workload(List<Tenant> tenants) {
        if (tenants.isEmpty()) {
            throw new IllegalArgumentException("the load needs at least one tenant");
        }
        this.tenants = List.copyOf(tenants);
    }

    /** A tenant and a few of its memory ids (for predict's recent_memories). */
    public record Tenant(String apiKey, List<String> memoryIds) {
        public Tenant {
            memoryIds = List.copyOf(memoryIds);
        }
    }

    public Tenant tenant() {
        return tenants.get(ThreadLocalRandom.current().nextInt(tenants.size()));
    }

    public static Endpoint nextRead() {
        int p = ThreadLocalRandom.current().nextInt(100);
        if (p < 40) return Endpoint.PREDICT;
        if (p < 70) return Endpoint.SUGGEST;
        if (p < 90) return Endpoint.SEARCH;
        if (p < 95) return Endpoint.MAINTENANCE;
        return Endpoint.LEARNING_METRICS;
    }

    public static String query() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int words = 2 + random.nextInt(2);
        StringBuilder query = new StringBuilder(WORDS[random.nextInt(WORDS.length)]);
        for (int i = 1; i < words; i++) {
            query.append(' ').append(WORDS[random.nextInt(WORDS.length)]);
        }
        return query.toString();
    }
}
