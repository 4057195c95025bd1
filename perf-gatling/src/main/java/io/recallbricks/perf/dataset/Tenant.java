package io.recallbricks.perf.dataset;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;

/** A tenant of the load: its API key and the ids of its memories (seeded, plus those created under load). */
public final class Tenant {

    private final String name;
    private final String apiKey;
    private final List<String> memoryIds = new CopyOnWriteArrayList<>();

    public Tenant(String name, String apiKey) {
        this.name = name;
        this.apiKey = apiKey;
    }

    public String name() {
        return name;
    }

    public String apiKey() {
        return apiKey;
    }

    public void addMemory(String id) {
        memoryIds.add(id);
    }

    public int memoryCount() {
        return memoryIds.size();
    }

    /** A random memory id of this tenant, or null when it has none yet. */
    public String anyMemory() {
        int n = memoryIds.size();
        return n == 0 ? null : memoryIds.get(ThreadLocalRandom.current().nextInt(n));
    }

    /** One to three ids, as an agent would pass the memories it just used to predict. */
    public List<String> recentMemories() {
        int n = memoryIds.size();
        if (n == 0) return List.of();
        ThreadLocalRandom r = ThreadLocalRandom.current();
        int start = r.nextInt(n);
        int count = Math.min(n, 1 + r.nextInt(3));
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> memoryIds.get((start + i) % n)).toList();
    }
}
