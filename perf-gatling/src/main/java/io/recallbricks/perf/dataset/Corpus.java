package io.recallbricks.perf.dataset;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Generates the texts of the workload: memories (what agents store) and queries (what they ask), varied and
 * realistic, and fully determined by the seed, so two runs with the same seed send the same dataset.
 */
public final class Corpus {

    private static final List<String> MEMORY_TEMPLATES = List.of(
            "%1$s decided to %3$s for %2$s after %4$s.",
            "Note on %2$s: we agreed to %3$s. Owner: %1$s, revisit after %4$s.",
            "Customer call (%4$s): they asked about %2$s; %1$s promised to %3$s.",
            "Incident follow-up for %2$s: the fix is to %3$s. About %5$d requests were affected.",
            "%1$s prefers to %3$s when working on %2$s.",
            "Open question from %4$s: should we %3$s for %2$s? %1$s is collecting data.",
            "Action item for %1$s: %3$s (%2$s), due in %5$d days.",
            "Lesson from %4$s about %2$s: next time, %3$s earlier.");

    private static final List<String> QUERY_TEMPLATES = List.of(
            "what did we decide about %2$s",
            "%2$s",
            "how do we %3$s",
            "who owns %2$s",
            "notes on %2$s from %4$s",
            "why did %1$s want to %3$s",
            "%2$s action items",
            "did we %3$s",
            "%1$s %2$s",
            "open questions about %2$s");

    private static final List<String> QUERY_PREFIXES = List.of("", "", "remind me ", "quick question: ",
            "can you find ", "search for ", "I need ");

    private static final List<String> QUERY_SUFFIXES = List.of("", "", "?", " for the EU team", " last quarter",
            " in staging", " before the launch", " again");

    private final long seed;

    public Corpus(long seed) {
        this.seed = seed;
    }

    /** A memory to seed or create: the same (tenant, index) always gives the same memory. */
    public MemoryDraft memory(int tenant, int index) {
        SplittableRandom r = new SplittableRandom(mix(seed, tenant, index));
        Topic topic = pick(r, Topic.ALL);
        String text = String.format(pick(r, MEMORY_TEMPLATES), pick(r, Topic.PEOPLE), pick(r, topic.subjects()),
                pick(r, topic.actions()), pick(r, Topic.WHEN), 2 + r.nextInt(4000));
        List<String> tags = new ArrayList<>(List.of(topic.tag()));
        if (r.nextInt(3) == 0) tags.add(r.nextBoolean() ? "decision" : "follow-up");
        if (r.nextInt(5) == 0) tags.add("priority");
        String project = "proj-" + topic.tag() + "-" + (1 + r.nextInt(3));
        return new MemoryDraft(text, tags, project, r.nextInt(4) == 0 ? "meeting-notes" : "agent");
    }

    /**
     * The distinct queries of the workload, {@code size} of them, in a seed-determined order; the first ones are
     * the popular ones once a Zipf sampler draws ranks over this list.
     */
    public List<String> queries(int size) {
        SplittableRandom r = new SplittableRandom(mix(seed, -1, -1));
        Set<String> queries = new LinkedHashSet<>();
        long attempts = 0;
        while (queries.size() < size) {
            if (++attempts > 50L * size) {
                throw new IllegalArgumentException("the query templates cannot give " + size + " distinct queries");
            }
            Topic topic = pick(r, Topic.ALL);
            queries.add(pick(r, QUERY_PREFIXES) + String.format(pick(r, QUERY_TEMPLATES), pick(r, Topic.PEOPLE),
                    pick(r, topic.subjects()), pick(r, topic.actions()), pick(r, Topic.WHEN)) + pick(r, QUERY_SUFFIXES));
        }
        return List.copyOf(queries);
    }

    private static <T> T pick(SplittableRandom r, List<T> list) {
        return list.get(r.nextInt(list.size()));
    }

    private static long mix(long seed, int a, int b) {
        return new SplittableRandom(seed ^ (31L * a + 0x9E3779B97F4A7C15L * b)).nextLong();
    }
}
