package io.recallbricks.perf.dataset;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class CorpusAndSamplerTest {

    @Test
    void memoriesAreDeterministicPerSeedAndVaried() {
        Corpus a = new Corpus(7);
        assertEquals(a.memory(3, 42), new Corpus(7).memory(3, 42));
        assertNotEquals(a.memory(3, 42), new Corpus(8).memory(3, 42));
        Set<String> texts = new HashSet<>();
        Set<String> tags = new HashSet<>();
        Set<String> projects = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            MemoryDraft m = a.memory(1, i);
            texts.add(m.text());
            tags.addAll(m.tags());
            projects.add(m.projectId());
            assertTrue(m.text().length() > 20, m.text());
        }
        assertTrue(texts.size() > 990, "distinct texts: " + texts.size());
        assertTrue(tags.size() >= 12, "tags: " + tags);
        assertTrue(projects.size() >= 24, "projects: " + projects.size());
    }

    @Test
    void queriesAreDistinctAndDeterministic() {
        List<String> q = new Corpus(7).queries(5000);
        assertEquals(5000, new HashSet<>(q).size());
        assertEquals(q, new Corpus(7).queries(5000));
    }

    @Test
    void samplerRepeatsPopularQueriesLikeZipf() {
        List<String> corpus = new Corpus(7).queries(5000);
        QuerySampler sampler = new QuerySampler(corpus, QuerySampler.DEFAULT_EXPONENT, 1);
        Map<String, Integer> counts = new HashMap<>();
        int draws = 100_000;
        IntStream.range(0, draws).forEach(i -> counts.merge(sampler.next(), 1, Integer::sum));
        int first = counts.getOrDefault(corpus.get(0), 0);
        int second = counts.getOrDefault(corpus.get(1), 0);
        int tenth = counts.getOrDefault(corpus.get(9), 0);
        // Zipf with exponent 1: frequency ~ 1/rank (H(5000) ~ 9.09, so rank 1 ~ 11% of draws).
        assertEquals(0.11, first / (double) draws, 0.01);
        assertEquals(2.0, first / (double) second, 0.25);
        assertEquals(10.0, first / (double) tenth, 2.0);
        int top500 = IntStream.range(0, 500).map(i -> counts.getOrDefault(corpus.get(i), 0)).sum();
        assertTrue(top500 > 0.6 * draws, "top 10% share " + top500 / (double) draws);
        assertTrue(counts.size() > 2000, "the long tail is drawn too: " + counts.size() + " distinct");
    }

    @Test
    void aShareOfQueriesIsNeverSeenBefore() {
        List<String> corpus = new Corpus(7).queries(5000);
        QuerySampler sampler = new QuerySampler(corpus, QuerySampler.DEFAULT_EXPONENT, 1, 0.3);
        java.util.Set<String> seen = new java.util.HashSet<>();
        int draws = 20_000;
        int firstTimeSeen = 0;
        int newOnes = 0;
        for (int i = 0; i < draws; i++) {
            String q = sampler.next();
            if (seen.add(q)) firstTimeSeen++;
            if (!corpus.contains(q)) newOnes++;
        }
        assertEquals(0.3, newOnes / (double) draws, 0.02, "the configured share is not from the corpus");
        assertTrue(firstTimeSeen >= newOnes, "every one of them is new: an embedding cache misses it");
    }
}
