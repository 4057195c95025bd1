package io.recallbricks.retrieval;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

/** A user's adaptive ranking weights ({@code user_learning_params}), shown as {@code weights_used}. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record Weights(double usageWeight, double recencyWeight, double helpfulnessWeight, double relationshipWeight) {

    /** The original's defaults, for users who never gave feedback. */
    public static final Weights DEFAULT = new Weights(0.3, 0.2, 0.5, 0.2);

    public double usage() {
        return usageWeight;
    }

    public double recency() {
        return recencyWeight;
    }

    public double helpfulness() {
        return helpfulnessWeight;
    }
}
