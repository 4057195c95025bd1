package io.recallbricks.compat;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LocalMetadataExtractorTest {

    private final LocalMetadataExtractor extractor = new LocalMetadataExtractor();

    @Test
    void hashtagsComeFirstThenTheMostFrequentContentWords() {
        LearnedMetadata learned = extractor.extract("#infra The cache layer fronts the cache cluster; the cluster serves reads.");

        assertEquals(List.of("infra", "cache", "cluster", "layer", "fronts"), learned.tags());
    }

    @Test
    void categoryFollowsTheMostFrequentCuesAndDefaultsToGeneral() {
        assertEquals("issue", extractor.extract("The export job fails with a timeout error after the crash").category());
        assertEquals("preference", extractor.extract("Dana prefers tabs and likes a dark theme").category());
        assertEquals("general", extractor.extract("Blue sky over the harbour").category());
    }

    @Test
    void entitiesAreNamesAddressesAndMentionsButNotSentenceStarts() {
        LearnedMetadata learned = extractor.extract("Ask @sam or write to ops@example.com. The Acme Corp contract "
                + "renews in June.\nDocs: https://example.com/contract and Node.js notes.");

        assertTrue(learned.entities().containsAll(List.of("ops@example.com", "https://example.com/contract", "@sam",
                "Acme Corp", "June", "Node.js")), learned.entities().toString());
        assertTrue(learned.entities().stream().noneMatch(e -> e.equals("Ask") || e.equals("Docs") || e.startsWith("The ")),
                learned.entities().toString());
    }

    @Test
    void importanceRisesWithUrgencyDecisionsNumbersAndNames() {
        assertEquals(0.5, extractor.extract("a plain note about lunch").importance());
        assertEquals(1.0, extractor.extract("Critical: we decided the Berlin launch moves to 12 May").importance());
    }

    @Test
    void summaryIsTheFirstSentenceShortened() {
        assertEquals("First sentence here.", extractor.extract("First sentence here. Second one.").summary());
        String long_ = "word ".repeat(100);
        String summary = extractor.extract(long_).summary();
        assertEquals(LocalMetadataExtractor.MAX_SUMMARY, summary.length());
        assertTrue(summary.endsWith("..."));
    }
}
