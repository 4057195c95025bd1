package io.recallbricks.testing;

import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;

import java.util.Map;

/**
 * A request that takes as long as the test asks, to observe what happens to in-flight work (graceful shutdown).
 * Test sources only, and only when RECALLBRICKS_TEST_SLOW_ROUTE=true.
 */
@Controller("/test/slow")
@Requires(property = "recallbricks.test.slow-route", value = "true")
public class SlowRouteController {

    @Get
    @ExecuteOn(TaskExecutors.BLOCKING)
    public Map<String, Object> slow(@QueryValue int millis) throws InterruptedException {
        Thread.sleep(millis);
        return Map.of("slept_ms", millis);
    }
}
