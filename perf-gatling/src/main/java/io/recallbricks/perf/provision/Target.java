package io.recallbricks.perf.provision;

import io.recallbricks.perf.server.DatabaseUrl;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The service under load, once provisioned.
 *
 * @param database   "embedded" or "external"
 * @param embeddings "fake", "external" or "none" (keyword-only)
 * @param service    "started" (by the suite) or "deployed"
 * @param memoryLimitBytes the service host's memory limit, known only when the suite started the service here
 * @param rssBudgetBytes   the resident memory the service may use (see {@code HostMemory#startedServiceBudget}, or
 *                         --service-rss-budget for a deployed one); empty when unknown
 * @param rateLimits the rate-limit variables the suite gave the service it started (empty: the service's own)
 * @param servicePid    the service's process, when the suite started it here
 * @param embeddingsPid the fake embedding API's process, when the suite started it here
 */
public record Target(String apiUrl, Optional<String> operatorKey, Optional<String> tenantKey,
                     Optional<DatabaseUrl> databaseUrl, String database, String embeddings, String service,
                     Optional<Long> memoryLimitBytes, Map<String, String> rateLimits, Optional<Long> servicePid,
                     Optional<Long> embeddingsPid, Optional<Long> rssBudgetBytes) {

    public Map<String, Object> toJson() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("apiUrl", apiUrl);
        m.put("database", database);
        m.put("embeddings", embeddings);
        m.put("service", service);
        if (!rateLimits.isEmpty()) m.put("rateLimits", rateLimits); // an addition to the contract's example
        rssBudgetBytes.ifPresent(b -> m.put("rssBudgetBytes", b));
        return m;
    }
}
