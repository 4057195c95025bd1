package io.recallbricks.compat;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.recallbricks.retrieval.SuggestService;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A suggestion with the original's fields ({@code memory_id, text, similarity, suggestion_score, analytics,
 * related_memories}) and, beside them, the names both SDKs read: {@code id}, {@code content}, {@code confidence}
 * (the suggestion score), {@code reasoning} and {@code relevance_context} (why it was suggested, in words).
 *
 * <p>Both official SDKs type {@code reasoning} as a string (TypeScript {@code reasoning?: string}, Python
 * {@code reasoning: str}; {@code sug.reasoning.lower()} failed on the original's object). The SDKs are what people
 * run, so {@code reasoning} is the text now, and the original's structured flags are {@code reasoning_detail}
 * (absent when {@code include_reasoning} is false, as the original's object was).
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SdkSuggestion(UUID memoryId, String text, double similarity, double suggestionScore,
                            SuggestService.Analytics analytics, List<SuggestService.Related> relatedMemories,
                            UUID id, String content, double confidence, String reasoning,
                            SuggestService.Reasoning reasoningDetail, String relevanceContext) {

    public static SdkSuggestion of(SuggestService.Suggestion suggestion) {
        String explanation = explain(suggestion);
        return new SdkSuggestion(suggestion.memoryId(), suggestion.text(), suggestion.similarity(),
                suggestion.suggestionScore(), suggestion.analytics(), suggestion.relatedMemories(),
                suggestion.memoryId(), suggestion.text(), suggestion.suggestionScore(), explanation,
                suggestion.reasoning(), explanation);
    }

    static String explain(SuggestService.Suggestion suggestion) {
        List<String> parts = new ArrayList<>();
        SuggestService.Reasoning reasoning = suggestion.reasoning();
        String match = reasoning != null ? reasoning.semanticMatch()
                : suggestion.similarity() > 0.7 ? "high" : suggestion.similarity() > 0.5 ? "medium" : "low";
        parts.add(match + " semantic match (" + format(suggestion.similarity()) + ")");
        SuggestService.Analytics analytics = suggestion.analytics();
        if (analytics != null) {
            parts.add("used " + analytics.usageCount() + (analytics.usageCount() == 1 ? " time" : " times"));
            parts.add("helpfulness " + format(analytics.helpfulnessScore()));
            if (analytics.daysSinceAccess() != null) {
                parts.add("last used " + analytics.daysSinceAccess() + " days ago");
            }
        }
        if (suggestion.relatedMemories() != null && !suggestion.relatedMemories().isEmpty()) {
            parts.add(suggestion.relatedMemories().size() + " related memories");
        }
        return String.join("; ", parts);
    }

    private static String format(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }
}
