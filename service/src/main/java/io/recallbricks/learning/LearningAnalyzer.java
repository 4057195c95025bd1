package io.recallbricks.learning;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.recallbricks.relationship.Relationship;
import io.recallbricks.relationship.RelationshipRepository;
import io.recallbricks.retrieval.PredictService;
import io.recallbricks.retrieval.VectorIndex;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The learning cycle of one user (the original's phases 1 and 2, §3.11, on recorded data and scoped to the user):
 * <ol>
 *   <li>temporal patterns from the recorded reads of the last 30 days: an hour of day (UTC) or a weekday at which at
 *   least 3 distinct memories were read (confidence n/10 and n/15, at most 0.95), and read-together sequences;</li>
 *   <li>relationship suggestions from co-access (read together at least 3 times: 0.6 + count/100, +0.1 with a shared
 *   tag, {@code similar_to} with overlapping wording), shared tags (2 or more) and vector similarity (cosine ≥ 0.9
 *   among the newest {@link #SIMILARITY_WINDOW} embedded memories);</li>
 *   <li>with {@code auto_apply}, suggestions of confidence ≥ 0.75 become relationships;</li>
 *   <li>usefulness per relationship type, stale count, today's learning metrics, and the maintenance report.</li>
 * </ol>
 * Bounded work: every read is limited, nothing is all-pairs over a user's whole history.
 */
@Singleton
public class LearningAnalyzer {

    static final int CO_ACCESS_MIN = 3;
    static final int SEQUENCE_MIN = 5;
    static final int MIN_PATTERN_MEMORIES = 3;
    static final double AUTO_APPLY_CONFIDENCE = 0.75;
    static final double SIMILARITY_THRESHOLD = 0.9;
    static final int SIMILARITY_WINDOW = 500;
    static final int MAX_SUGGESTIONS = 100;
    static final int PATTERN_DAYS = 30;
    static final int PATTERN_MEMBERS = 10;

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Suggestion(UUID memoryId, UUID relatedMemoryId, String suggestedType, double confidence, String reason,
                             Integer coAccessCount, String origin) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Result(Instant timestamp, int clustersDetected, List<Suggestion> relationshipSuggestions,
                         int relationshipsCreated, Map<String, Double> weightAdjustments, long staleMemoryCount,
                         int temporalPatternsDetected, long processingTimeMs) {
    }

    private final LearningRepository repository;
    private final RelationshipRepository relationships;
    private final VectorIndex vectors;
    private final MaintenanceService maintenance;
    private final JsonMapper json;

    public LearningAnalyzer(LearningRepository repository, RelationshipRepository relationships, VectorIndex vectors,
                            MaintenanceService maintenance, JsonMapper json) {
        this.repository = repository;
        this.relationships = relationships;
        this.vectors = vectors;
        this.maintenance = maintenance;
        this.json = json;
    }

    public Result analyze(UUID userId, boolean autoApply) {
        long started = System.nanoTime();
        Instant runStart = Instant.now().minusSeconds(1);
        int patterns = temporalPatterns(userId, runStart);
        List<Suggestion> suggestions = new ArrayList<>();
        suggestions.addAll(coAccessSuggestions(userId));
        suggestions.addAll(sharedTagSuggestions(userId));
        suggestions.addAll(similaritySuggestions(userId));
        suggestions.sort(Comparator.comparingDouble(Suggestion::confidence).reversed());
        List<Suggestion> kept = dedupe(suggestions);
        int created = 0;
        if (autoApply) {
            for (Suggestion s : kept) {
                if (s.confidence() >= AUTO_APPLY_CONFIDENCE && relationships.insert(userId, s.memoryId(), s.relatedMemoryId(),
                        s.suggestedType(), Math.round(s.confidence() * 100) / 100.0, s.reason(), s.origin()).isPresent()) {
                    created++;
                }
            }
        }
        Map<String, Double> usefulness = new LinkedHashMap<>();
        for (String type : List.of("related_to", "caused_by", "similar_to", "follows", "contradicts")) {
            usefulness.put(type, 0.5);
        }
        repository.relationshipUsefulness(userId).forEach((type, value) -> usefulness.put(type, Math.round(value * 1000) / 1000.0));
        long stale = repository.stats(userId).staleMemories();
        repository.recordMetrics(userId);
        maintenance.refresh(userId);
        Set<UUID> clustered = new HashSet<>();
        kept.forEach(s -> {
            clustered.add(s.memoryId());
            clustered.add(s.relatedMemoryId());
        });
        return new Result(Instant.now(), clustered.size(), kept, created, usefulness, stale, patterns,
                (System.nanoTime() - started) / 1_000_000);
    }

    private int temporalPatterns(UUID userId, Instant runStart) {
        Map<Integer, Map<UUID, Long>> byHour = new HashMap<>();
        Map<Integer, Map<UUID, Long>> byDay = new HashMap<>();
        for (LearningRepository.AccessCount count : repository.accessCounts(userId, PATTERN_DAYS)) {
            byHour.computeIfAbsent(count.hour(), h -> new HashMap<>()).merge(count.memoryId(), count.count(), Long::sum);
            byDay.computeIfAbsent(count.isoDay(), d -> new HashMap<>()).merge(count.memoryId(), count.count(), Long::sum);
        }
        int stored = 0;
        for (Map.Entry<Integer, Map<UUID, Long>> hour : byHour.entrySet()) {
            int n = hour.getValue().size();
            if (n >= MIN_PATTERN_MEMORIES) {
                store(userId, "hourly", PredictService.hourKey(hour.getKey()), Map.of("hour", hour.getKey(),
                        "memories", top(hour.getValue()), "description", "Read around " + hour.getKey() + ":00 UTC"),
                        Math.min(n / 10.0, 0.95), n);
                stored++;
            }
        }
        for (Map.Entry<Integer, Map<UUID, Long>> day : byDay.entrySet()) {
            int n = day.getValue().size();
            if (n >= MIN_PATTERN_MEMORIES) {
                String name = DayOfWeek.of(day.getKey()).getDisplayName(java.time.format.TextStyle.FULL, Locale.ENGLISH);
                store(userId, "daily", PredictService.dayKey(DayOfWeek.of(day.getKey())), Map.of("day", name,
                        "memories", top(day.getValue()), "description", "Read on " + name + "s"),
                        Math.min(n / 15.0, 0.95), n);
                stored++;
            }
        }
        for (LearningRepository.CoAccessPair pair : repository.coAccessPairs(userId, SEQUENCE_MIN, 50)) {
            store(userId, "sequence", "sequence:" + pair.a() + ">" + pair.b(), Map.of("sequence", List.of(pair.a(), pair.b()),
                    "memories", List.of(pair.b()), "occurrences", pair.count(),
                    "description", "Read together " + pair.count() + " times"), Math.min(pair.count() / 20.0, 0.95), pair.count());
            stored++;
        }
        repository.deletePatternsNotSeenSince(userId, runStart);
        return stored;
    }

    private void store(UUID userId, String type, String key, Map<String, Object> data, double confidence, int occurrences) {
        try {
            repository.upsertPattern(userId, type, key, json.writeValueAsString(data), confidence, occurrences);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> top(Map<UUID, Long> counts) {
        return counts.entrySet().stream().sorted(Map.Entry.<UUID, Long>comparingByValue().reversed())
                .limit(PATTERN_MEMBERS).map(e -> e.getKey().toString()).toList();
    }

    private List<Suggestion> coAccessSuggestions(UUID userId) {
        List<Suggestion> suggestions = new ArrayList<>();
        for (LearningRepository.CoAccessPair pair : repository.coAccessPairs(userId, CO_ACCESS_MIN, MAX_SUGGESTIONS)) {
            if (pair.related()) {
                continue;
            }
            long commonTags = pair.tagsA().stream().filter(pair.tagsB()::contains).count();
            double confidence = 0.6 + pair.count() / 100.0 + (commonTags > 0 ? 0.1 : 0);
            String type = "related_to";
            if (sharedLongWords(pair.textA(), pair.textB()) > 3) {
                type = "similar_to";
                confidence += 0.05;
            }
            suggestions.add(new Suggestion(pair.a(), pair.b(), type, Math.min(confidence, 0.95),
                    "Co-accessed " + pair.count() + " times" + (commonTags > 0 ? ", " + commonTags + " common tags" : ""),
                    pair.count(), "co_access"));
        }
        return suggestions;
    }

    private List<Suggestion> sharedTagSuggestions(UUID userId) {
        return repository.sharedTagPairs(userId, MAX_SUGGESTIONS).stream()
                .map(pair -> new Suggestion(pair.a(), pair.b(), "related_to", Math.min(0.6 + 0.05 * (pair.shared() - 2), 0.8),
                        pair.shared() + " common tags", null, "shared_tags"))
                .toList();
    }

    /** Near-identical meaning by embedding, among the newest embedded memories: O(window²) in the background only. */
    private List<Suggestion> similaritySuggestions(UUID userId) {
        return vectors.forUser(userId).similarPairs(SIMILARITY_WINDOW, (float) SIMILARITY_THRESHOLD, MAX_SUGGESTIONS).stream()
                .map(pair -> new Suggestion(pair.a(), pair.b(), "similar_to", Math.min(pair.similarity(), 0.95),
                        "Embedding similarity " + Math.round(pair.similarity() * 100) / 100.0, null, "similarity"))
                .toList();
    }

    /** One suggestion per pair (either direction), the most confident. */
    private static List<Suggestion> dedupe(List<Suggestion> sorted) {
        Set<String> pairs = new HashSet<>();
        List<Suggestion> kept = new ArrayList<>();
        for (Suggestion s : sorted) {
            String key = s.memoryId().compareTo(s.relatedMemoryId()) < 0 ? s.memoryId() + ":" + s.relatedMemoryId()
                    : s.relatedMemoryId() + ":" + s.memoryId();
            if (pairs.add(key) && Relationship.TYPES.contains(s.suggestedType())) {
                kept.add(s);
            }
        }
        return kept.size() > MAX_SUGGESTIONS ? List.copyOf(kept.subList(0, MAX_SUGGESTIONS)) : kept;
    }

    /** The original's wording test: words longer than 4 characters of one text found in the other. */
    private static long sharedLongWords(String a, String b) {
        String other = b.toLowerCase(Locale.ROOT);
        return java.util.Arrays.stream(a.toLowerCase(Locale.ROOT).split("\\s+"))
                .filter(word -> word.length() > 4 && other.contains(word)).distinct().count();
    }
}
