package io.recallbricks.perf.dataset;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

/** The seeded tenants, the query stream and the generator of new memories the load writes. */
public final class Dataset {

    private final List<Tenant> tenants;
    private final QuerySampler queries;
    private final Corpus corpus;
    private final AtomicInteger writes = new AtomicInteger();

    public Dataset(List<Tenant> tenants, QuerySampler queries, Corpus corpus) {
        if (tenants.isEmpty()) throw new IllegalArgumentException("a dataset needs at least one tenant");
        this.tenants = List.copyOf(tenants);
        this.queries = queries;
        this.corpus = corpus;
    }

    public Tenant anyTenant() {
        return tenants.get(ThreadLocalRandom.current().nextInt(tenants.size()));
    }

    public String nextQuery() {
        return queries.next();
    }

    /** A memory the load creates; indices above any seeded one, so texts differ from the seeded ones. */
    public MemoryDraft newMemory(int tenantHint) {
        return corpus.memory(tenantHint, 1_000_000 + writes.incrementAndGet());
    }

    public List<Tenant> tenants() {
        return tenants;
    }

    public int totalMemories() {
        return tenants.stream().mapToInt(Tenant::memoryCount).sum();
    }
}
