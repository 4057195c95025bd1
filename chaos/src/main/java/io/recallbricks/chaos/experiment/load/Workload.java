package io.recallbricks.chaos.experiment.load;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the load asks: the design's read mix (predict 40 %, suggest 30 %, search 20 %, maintenance 5 %, learning
 * metrics 5 %) over several tenants with varied queries, plus memory creations at their own rate.
 */
public final class Workload {

    static final String[] QUERIES = {
            "postgresql password rotation", "how do we evict sessions from redis", "pod restarts after limits",
            "invoices in euros", "load balancer for billing", "when must the nightly backup finish",
            "audit checklist", "memory limit change", "session store cache", "backup schedule",
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
        return QUERIES[ThreadLocalRandom.current().nextInt(QUERIES.length)];
    }
}
