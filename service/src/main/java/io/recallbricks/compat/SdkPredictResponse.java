package io.recallbricks.compat;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.recallbricks.retrieval.SearchMethod;

import java.util.List;
import java.util.UUID;

/** The original predict response, field for field, with each item extended by {@link SdkPrediction}. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SdkPredictResponse(List<SdkPrediction> predictions, int count, String context, List<UUID> recentMemories,
                                 SearchMethod searchMethod) {
}
