package io.recallbricks.compat;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.recallbricks.auth.AuthenticationFilter;
import io.recallbricks.auth.Caller;
import io.recallbricks.learning.LearningController;

/**
 * Gives {@code GET /api/v1/learning/metrics} (the route the Python SDK's {@code get_learning_metrics()} calls) the
 * SDKs' top-level fields and trend keys beside the original's, as {@link SdkLearningMetrics} describes.
 */
@ServerFilter("/api/v1/learning/metrics")
public class LearningMetricsAdapter {

    private final AnalyticsRepository analytics;

    public LearningMetricsAdapter(AnalyticsRepository analytics) {
        this.analytics = analytics;
    }

    @ResponseFilter
    @ExecuteOn(TaskExecutors.BLOCKING)
    public void addSdkFields(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.body() instanceof LearningController.Metrics original) {
            Caller caller = request.getAttribute(AuthenticationFilter.CALLER_ATTRIBUTE, Caller.class).orElseThrow();
            Responses.replaceBody(response, SdkLearningMetrics.of(original,
                    analytics.activity(caller.userId(), original.timeRange().days())));
        }
    }
}
