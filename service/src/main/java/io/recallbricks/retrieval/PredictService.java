package io.recallbricks.retrieval;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.recallbricks.web.ApiException;
import jakarta.inject.Singleton;

import java.time.DayOfWeek;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * {@code GET /api/v1/memories/predict}: the original's four signals (§3.4) on data that is really recorded:
 * co-access (+0.3 each, from reads within the co-access window), relationships (+strength × 0.4), temporal patterns
 * matching the current UTC hour/weekday or a recent id's sequence (+confidence × 0.3), and context similarity
 * (+relevance × 0.4, hybrid or keyword); the sum is scaled by helpfulness, {@code min(sum × (0.5 + 0.5h), 1)}.
 * Every recent id must be the caller's (404 otherwise); nothing is read outside the caller's rows.
 */
@Singleton
public class PredictService {

    public static final int MAX_RECENT = 50;
    static final double CO_ACCESS = 0.3;
    static final double RELATIONSHIP = 0.4;
    static final double TEMPORAL = 0.3;
    static final double CONTEXT = 0.4;
    static final float CONTEXT_MIN_SIMILARITY = 0.6f;
    static final int CONTEXT_CANDIDATES = 20;
    static final int PREVIEW = 150;

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Prediction(UUID memoryId, String text, double confidence, List<String> reasons, List<UUID> relatedTo,
                             double helpfulnessScore, int usageCount) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Response(List<Prediction> predictions, int count, String context, List<UUID> recentMemories,
                           SearchMethod searchMethod) {
    }

    /** The signals gathered for one candidate. */
    private static final class Evidence {
        double confidence;
        final Set<String> reasons = new LinkedHashSet<>();
        final Set<UUID> relatedTo = new LinkedHashSet<>();

        void add(double amount, String reason, UUID from) {
            confidence += amount;
            reasons.add(reason);
            if (from != null) {
                relatedTo.add(from);
            }
        }
    }

    private final PredictRepository repository;
    private final HybridRetriever retriever;

    public PredictService(PredictRepository repository, HybridRetriever retriever) {
        this.repository = repository;
        this.retriever = retriever;
    }

    public Response predict(UUID userId, String context, List<UUID> recent, int limit) {
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        List<PredictRepository.Signal> signals = repository.signals(userId, recent, hourKey(now.getHour()), dayKey(now.getDayOfWeek()));
        Set<UUID> owned = new HashSet<>();
        Map<UUID, Evidence> evidence = new LinkedHashMap<>();
        for (PredictRepository.Signal signal : signals) {
            if (signal.kind().equals("owned")) {
                owned.add(signal.target());
                continue;
            }
            if (recent.contains(signal.target())) {
                continue;
            }
            Evidence e = evidence.computeIfAbsent(signal.target(), id -> new Evidence());
            switch (signal.kind()) {
                case "co_access" -> e.add(CO_ACCESS, "frequently_accessed_with", signal.source());
                case "relationship" -> e.add(signal.value() * RELATIONSHIP, signal.label() + "_relationship", signal.source());
                default -> e.add(signal.value() * TEMPORAL, "temporal_pattern_" + signal.label(), null);
            }
        }
        if (owned.size() < recent.size()) {
            throw ApiException.notFound("Memory");
        }
        Map<UUID, PredictRepository.Summary> summaries = new HashMap<>();
        SearchMethod method = null;
        if (context != null) {
            HybridRetriever.Result result = retriever.retrieve(userId, context, UserVectors.Filter.NONE,
                    CONTEXT_CANDIDATES, CONTEXT_MIN_SIMILARITY);
            method = result.method();
            for (HybridRetriever.Candidate candidate : result.candidates()) {
                UUID id = candidate.memory().id();
                boolean similarEnough = candidate.keywordMatch()
                        || (candidate.vectorSimilarity() != null && candidate.vectorSimilarity() >= CONTEXT_MIN_SIMILARITY);
                if (recent.contains(id) || !similarEnough) {
                    continue;
                }
                evidence.computeIfAbsent(id, key -> new Evidence()).add(candidate.relevance() * CONTEXT, "context_similarity", null);
                summaries.put(id, new PredictRepository.Summary(id, candidate.memory().text(),
                        candidate.memory().helpfulnessScore(), candidate.memory().usageCount()));
            }
        }
        List<UUID> unknown = evidence.keySet().stream().filter(id -> !summaries.containsKey(id)).toList();
        repository.summaries(userId, unknown).forEach(summary -> summaries.put(summary.id(), summary));
        List<Prediction> predictions = new ArrayList<>();
        evidence.forEach((id, e) -> {
            PredictRepository.Summary summary = summaries.get(id);
            if (summary != null) {
                predictions.add(new Prediction(id, preview(summary.text()),
                        Scoring.round(Scoring.prediction(e.confidence, summary.helpfulness()), 2),
                        List.copyOf(e.reasons), List.copyOf(e.relatedTo), summary.helpfulness(), summary.usageCount()));
            }
        });
        predictions.sort(Comparator.comparingDouble(Prediction::confidence).reversed());
        List<Prediction> page = List.copyOf(predictions.subList(0, Math.min(limit, predictions.size())));
        return new Response(page, page.size(), context, recent, method);
    }

    /** The key the analysis job gives an hour-of-day pattern. */
    public static String hourKey(int hour) {
        return "hour:" + hour;
    }

    /** The key the analysis job gives a day-of-week pattern. */
    public static String dayKey(DayOfWeek day) {
        return "day:" + day.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
    }

    private static String preview(String text) {
        return text.length() <= PREVIEW ? text : text.substring(0, PREVIEW) + "...";
    }
}
