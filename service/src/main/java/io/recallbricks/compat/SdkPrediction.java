package io.recallbricks.compat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.recallbricks.memory.Memory;
import io.recallbricks.retrieval.PredictService;

import java.util.Map;
import java.util.UUID;

/**
 * A prediction with the original's fields ({@code memory_id, text} (150-character preview), {@code confidence,
 * reasons[], related_to[], helpfulness_score, usage_count}) and the SDKs' beside them: {@code id},
 * {@code content} (the full text), {@code confidence_score}, {@code reasoning} (the reasons as one sentence) and
 * {@code metadata} (the memory's).
 */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SdkPrediction(@JsonUnwrapped PredictService.Prediction original, UUID id, String content,
                            double confidenceScore, String reasoning, Map<String, Object> metadata) {

    public static SdkPrediction of(PredictService.Prediction prediction, Memory memory) {
        return new SdkPrediction(prediction, prediction.memoryId(), memory == null ? prediction.text() : memory.text(),
                prediction.confidence(), explain(prediction), memory == null ? Map.of() : memory.metadata());
    }

    static String explain(PredictService.Prediction prediction) {
        return "Predicted from " + String.join(", ", prediction.reasons().stream()
                .map(reason -> reason.replace('_', ' ')).toList())
                + (prediction.relatedTo().isEmpty() ? "" : " (related to " + prediction.relatedTo().size() + " recent memories)")
                + ".";
    }
}
