package io.recallbricks.learning;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.recallbricks.auth.Caller;
import io.recallbricks.retrieval.RequestValues;
import io.recallbricks.web.ApiException;

import java.util.UUID;

/** {@code POST /api/v1/memories/{id}/feedback}: was this memory helpful? */
@Controller("/api/v1/memories")
@ExecuteOn(TaskExecutors.BLOCKING)
public class FeedbackController {

    static final int MAX_CONTEXT_LENGTH = 500;

    /** Loosely typed on purpose: a wrong type gets a 400 naming the field, in the original's words. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record FeedbackBody(@Nullable Object helpful, @Nullable String context, @Nullable Object userSatisfaction) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Given(boolean helpful, String context, Double userSatisfaction) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record FeedbackResponse(boolean success, UUID memoryId, double newHelpfulnessScore, Given feedback) {
    }

    private final FeedbackRepository feedback;

    public FeedbackController(FeedbackRepository feedback) {
        this.feedback = feedback;
    }

    @Post("/{id}/feedback")
    public FeedbackResponse feedback(Caller caller, UUID id, @Body FeedbackBody body) {
        if (!(body.helpful() instanceof Boolean helpful)) {
            throw ApiException.validation("helpful", "Field \"helpful\" must be a boolean.");
        }
        Double satisfaction = satisfaction(body.userSatisfaction());
        String context = RequestValues.optionalText("context", body.context(), MAX_CONTEXT_LENGTH);
        double score = feedback.apply(caller.userId(), id, helpful, satisfaction, context)
                .orElseThrow(() -> ApiException.notFound("Memory"));
        return new FeedbackResponse(true, id, score, new Given(helpful, context, satisfaction));
    }

    /** A number (or numeric text) in [0, 1]; 0 is a real answer, not "absent" as in the original. */
    private static Double satisfaction(Object value) {
        if (value == null) {
            return null;
        }
        double parsed;
        if (value instanceof Number number) {
            parsed = number.doubleValue();
        } else if (value instanceof String text) {
            try {
                parsed = Double.parseDouble(text.trim());
            } catch (NumberFormatException e) {
                parsed = Double.NaN;
            }
        } else {
            parsed = Double.NaN;
        }
        if (Double.isNaN(parsed) || parsed < 0 || parsed > 1) {
            throw ApiException.validation("user_satisfaction", "Field \"user_satisfaction\" must be a number between 0.0 and 1.0.");
        }
        return parsed;
    }
}
