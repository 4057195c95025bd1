package io.recallbricks.chaos.embeddings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.admin.Router;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The fault switches over HTTP, as routes of WireMock's own admin API (under {@code /__admin}, on the same port
 * as the fake). Every route answers the resulting state, the same JSON as {@code GET /__admin/faults}:
 *
 * <pre>
 * GET    /__admin/faults                    current faults and counters
 * DELETE /__admin/faults                    remove every fault (healthy)
 * POST   /__admin/faults/errors             {"rate": 1.0, "statuses": [500, 502, 503]}
 * POST   /__admin/faults/rate-limit         {"rate": 1.0, "retryAfterSeconds": 1}
 * POST   /__admin/faults/hang               {"rate": 1.0}
 * POST   /__admin/faults/connection-reset   {"rate": 1.0}
 * POST   /__admin/faults/slow               {"delayMs": 2000}
 * DELETE /__admin/faults/counters           zero the counters
 * </pre>
 *
 * A missing body or field takes the default shown in the README ({@code rate} 1.0, statuses [500],
 * retryAfterSeconds 1). A POST changes only its own fault; the others stay as they were.
 */
final class FaultAdminApi implements AdminApiExtension {

    private final FaultControls faults;
    private final ObjectMapper json = new ObjectMapper();

    FaultAdminApi(FaultControls faults) {
        this.faults = faults;
    }

    @Override
    public String getName() {
        return "recallbricks-fault-admin";
    }

    @Override
    public void contributeAdminApiRoutes(Router router) {
        // One lambda per route on purpose: WireMock finds a route's path template by the task's class, so
        // routes must not share a task class.
        router.add(RequestMethod.GET, "/faults", (admin, event, params) -> respond(event, body -> { }));
        router.add(RequestMethod.DELETE, "/faults", (admin, event, params) -> respond(event, body -> faults.healthy()));
        router.add(RequestMethod.DELETE, "/faults/counters",
                (admin, event, params) -> respond(event, body -> faults.resetCounters()));
        router.add(RequestMethod.POST, "/faults/errors",
                (admin, event, params) -> respond(event, body -> faults.errors(rate(body), statuses(body))));
        router.add(RequestMethod.POST, "/faults/rate-limit", (admin, event, params) -> respond(event,
                body -> faults.rateLimit(rate(body),
                        intField(body, "retryAfterSeconds", FaultPlan.DEFAULT_RETRY_AFTER_SECONDS))));
        router.add(RequestMethod.POST, "/faults/hang",
                (admin, event, params) -> respond(event, body -> faults.hang(rate(body))));
        router.add(RequestMethod.POST, "/faults/connection-reset",
                (admin, event, params) -> respond(event, body -> faults.connectionReset(rate(body))));
        router.add(RequestMethod.POST, "/faults/slow",
                (admin, event, params) -> respond(event, body -> faults.slow(intField(body, "delayMs", -1))));
    }

    /** Applies {@code change} to the request body and answers the resulting state, or 400 for bad input. */
    private ResponseDefinition respond(ServeEvent event, Consumer<JsonNode> change) {
        try {
            change.accept(body(event.getRequest().getBody()));
            return answer(200, state());
        } catch (IllegalArgumentException e) {
            ObjectNode error = json.createObjectNode();
            error.put("error", e.getMessage());
            return answer(400, error);
        }
    }

    ObjectNode state() {
        FaultPlan plan = faults.plan();
        RequestCounts counts = faults.counters();
        ObjectNode state = json.createObjectNode();
        ObjectNode planNode = state.putObject("faults");
        planNode.put("healthy", plan.isHealthy());
        planNode.putObject("errors").put("rate", plan.errorRate())
                .set("statuses", json.valueToTree(plan.errorStatuses()));
        planNode.putObject("rateLimit").put("rate", plan.rateLimitRate())
                .put("retryAfterSeconds", plan.retryAfterSeconds());
        planNode.putObject("hang").put("rate", plan.hangRate());
        planNode.putObject("connectionReset").put("rate", plan.resetRate());
        planNode.putObject("slow").put("delayMs", plan.addedDelayMs());
        ObjectNode countNode = state.putObject("counters");
        countNode.put("received", counts.received());
        countNode.put("served", counts.served());
        countNode.put("rejected", counts.rejected());
        countNode.put("faulted", counts.faulted());
        countNode.put("errors", counts.errors());
        countNode.put("rateLimited", counts.rateLimited());
        countNode.put("hung", counts.hung());
        countNode.put("reset", counts.reset());
        return state;
    }

    private JsonNode body(byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            return json.createObjectNode();
        }
        try {
            JsonNode node = json.readTree(bytes);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException("the body must be a JSON object");
            }
            return node;
        } catch (IOException e) {
            throw new IllegalArgumentException("the body is not valid JSON");
        }
    }

    private static double rate(JsonNode body) {
        JsonNode rate = body.get("rate");
        if (rate == null) {
            return 1.0;
        }
        if (!rate.isNumber()) {
            throw new IllegalArgumentException("'rate' must be a number between 0 and 1");
        }
        return rate.asDouble();
    }

    private static List<Integer> statuses(JsonNode body) {
        JsonNode statuses = body.get("statuses");
        if (statuses == null) {
            return FaultPlan.DEFAULT_ERROR_STATUSES;
        }
        if (!statuses.isArray()) {
            throw new IllegalArgumentException("'statuses' must be an array of 5xx status codes");
        }
        List<Integer> list = new ArrayList<>();
        for (JsonNode status : statuses) {
            if (!status.isIntegralNumber()) {
                throw new IllegalArgumentException("'statuses' must be an array of 5xx status codes");
            }
            list.add(status.asInt());
        }
        return list;
    }

    private static int intField(JsonNode body, String name, int fallback) {
        JsonNode value = body.get(name);
        if (value == null) {
            if (fallback < 0) {
                throw new IllegalArgumentException("'" + name + "' is required");
            }
            return fallback;
        }
        if (!value.isIntegralNumber() || !value.canConvertToInt()) {
            throw new IllegalArgumentException("'" + name + "' must be a whole number");
        }
        return value.asInt();
    }

    private ResponseDefinition answer(int status, JsonNode body) {
        return ResponseDefinitionBuilder.responseDefinition()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody(body.toString())
                .build();
    }
}
