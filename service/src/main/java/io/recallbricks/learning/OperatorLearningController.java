package io.recallbricks.learning;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;
import java.util.UUID;

/**
 * {@code POST /api/v1/admin/learning/analyze} (operator key): the learning cycle for one named user, or for the users
 * active in the last day (at most {@link LearningScheduler#MAX_USERS}); tenants can only analyse themselves.
 */
@Controller("/api/v1/admin/learning")
@ExecuteOn(TaskExecutors.BLOCKING)
public class OperatorLearningController {

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Body(@Nullable UUID userId, @Nullable Boolean autoApply) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Response(boolean success, List<UUID> usersAnalyzed) {
    }

    private final LearningScheduler scheduler;
    private final LearningAnalyzer analyzer;

    public OperatorLearningController(LearningScheduler scheduler, LearningAnalyzer analyzer) {
        this.scheduler = scheduler;
        this.analyzer = analyzer;
    }

    @Post("/analyze")
    public Response analyze(@Nullable @io.micronaut.http.annotation.Body Body body) {
        boolean autoApply = body != null && Boolean.TRUE.equals(body.autoApply());
        if (body != null && body.userId() != null) {
            analyzer.analyze(body.userId(), autoApply);
            return new Response(true, List.of(body.userId()));
        }
        return new Response(true, scheduler.analyzeActive(java.time.Instant.now().minus(java.time.Duration.ofDays(1)), autoApply));
    }
}
