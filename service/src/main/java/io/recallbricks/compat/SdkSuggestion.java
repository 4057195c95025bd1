package io.recallbricks.compat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.recallbricks.retrieval.SuggestService;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * A suggestion with the original's fields ({@code memory_id, text, similarity, suggestion_score, analytics,
 * reasoning{...}, related_memories}) and, beside them, the names both SDKs read: {@code id}, {@code content},
 * {@code confidence} (the suggestion score) and {@code relevance_context} (why it was suggested, in words).
 *
 * <p>The SDKs type {@code reasoning} as a string while the original sends an object under that name. The original's
 * object is kept (its clients branch on its flags); the same explanation as text is {@code relevance_context}.
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SdkSuggestion(@JsonUnwrapped SuggestService.Suggestion original, UUID id, String content,
                            double confidence, String relevanceContext) {

    public static SdkSuggestion of(SuggestService.Suggestion suggestion) {
        return new SdkSuggestion(suggestion, suggestion.memoryId(), suggestion.text(), suggestion.suggestionScore(),
                explain(suggestion));
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
