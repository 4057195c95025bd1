package io.recallbricks.quality;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScoresAndGateTest {

    @Test
    void recallAndMrrFollowTheRankOfTheRelevantMemory() {
        Scores scores = new Scores();
        scores.add("a", List.of("a", "b"));            // rank 1
        scores.add("a", List.of("x", "y", "a"));       // rank 3
        scores.add("a", List.of("x", "y", "z", "w", "v", "u", "a")); // rank 7
        scores.add("a", List.of("x"));                 // missing

        assertEquals(0.25, scores.recallAt(1), 1e-9);
        assertEquals(0.5, scores.recallAt(5), 1e-9);
        assertEquals(0.75, scores.recallAt(10), 1e-9);
        assertEquals((1 + 1 / 3.0 + 1 / 7.0) / 4, scores.mrr(), 1e-9);
    }

    @Test
    void theCorpusIsWellFormedAndHasQuestionsSharingNoWord() {
        Corpus corpus = Corpus.load();
        Set<String> ids = corpus.notes().stream().map(Corpus.Note::id).collect(Collectors.toSet());
        assertEquals(corpus.notes().size(), ids.size(), "unique ids");
        assertTrue(corpus.notes().size() >= 150);
        long noShared = corpus.questions().stream().filter(Corpus.Question::sharesNoWord).count();
        assertTrue(noShared >= 40, "enough paraphrases that keywords cannot find: " + noShared);
        long keyword = corpus.questions().stream().filter(Corpus.Question::keyword).count();
        assertTrue(keyword >= 50, "and search-box questions with a distinctive word: " + keyword);
        assertTrue(corpus.questions().stream().filter(Corpus.Question::keyword).noneMatch(Corpus.Question::sharesNoWord),
                "every search-box question shares its distinctive word");
        assertFalse(new Corpus.Note("x", "The staging database runs on port 5433", "Which port for staging?").sharesNoWord());
    }

    @Test
    void aDropBeyondTheToleranceFailsAndHybridMustBeatBothOthers() throws Exception {
        var baseline = new ObjectMapper().readTree("""
                {"entries": [{"provider": "local", "method": "hybrid", "endpoint": "search", "recall_at_5": 0.80, "mrr": 0.70}]}""");
        List<Benchmark.Result> good = results(0.69, 0.60, 0.50);
        List<Benchmark.Result> dropped = results(0.67, 0.60, 0.50);
        List<Benchmark.Result> notBetter = results(0.70, 0.71, 0.50);

        assertTrue(Gate.judge(good, Optional.of(baseline), 0.02).passed());
        assertFalse(Gate.judge(dropped, Optional.of(baseline), 0.02).passed(), "MRR 0.67 < 0.70 - 0.02");
        assertFalse(Gate.judge(notBetter, Optional.of(baseline), 0.02).passed(), "vector-only ranks better");
    }

    private static List<Benchmark.Result> results(double hybridMrr, double vectorMrr, double keywordMrr) {
        return List.of(result("none", "keyword", keywordMrr, "keyword"), result("local", "vector", vectorMrr, "hybrid"),
                result("local", "hybrid", hybridMrr, "hybrid"));
    }

    private static Benchmark.Result result(String provider, String method, double mrr, String searchMethod) {
        Benchmark.EndpointResult search = new Benchmark.EndpointResult(100, mrr, 0.8, 0.9, mrr, 40, 0.5, 0.4,
                Map.of(searchMethod, 100));
        return new Benchmark.Result(provider, method, Map.of(), Map.of("search", search), 1);
    }
}
