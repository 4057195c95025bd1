package io.recallbricks.compat;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.recallbricks.retrieval.SearchMethod;
import io.recallbricks.retrieval.SuggestService;
import io.recallbricks.retrieval.Weights;

import java.util.List;

/** The original suggest response, field for field, with each item extended by {@link SdkSuggestion}. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SdkSuggestResponse(List<SdkSuggestion> suggestions, int count, String context, Weights weightsUsed,
                                 double minConfidence, SearchMethod searchMethod) {

    public static SdkSuggestResponse of(SuggestService.Response original) {
        return new SdkSuggestResponse(original.suggestions().stream().map(SdkSuggestion::of).toList(), original.count(),
                original.context(), original.weightsUsed(), original.minConfidence(), original.searchMethod());
    }
}
