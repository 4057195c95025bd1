package io.recallbricks.perf.dataset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.recallbricks.perf.provision.ProvisioningException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.LongAdder;

/**
 * Seeds the dataset through the API, as a real deployment gets its data: tenants through the admin API (one key
 * each), then each tenant's memories, a bounded number of requests in flight at a time.
 */
public final class Seeder {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Seeding gives up when more than this share of memory writes fail: the load would measure nothing real. */
    private static final double MAX_FAILED_SHARE = 0.05;

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public Seeder(String baseUrl) {
        this.baseUrl = baseUrl;
    }

    /**
     * Creates {@code count} tenants named after the run. If the operator key is refused and a tenant key is
     * known (API_KEY of a deployed service), that key becomes the only tenant.
     */
    public List<Tenant> createTenants(String runId, int count, Optional<String> operatorKey, Optional<String> tenantKey)
            throws IOException, InterruptedException {
        if (operatorKey.isEmpty()) throw new ProvisioningException("no operator key to create tenants with");
        List<Tenant> tenants = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String name = runId + "-tenant-" + i;
            HttpResponse<String> r = send(post("/api/v1/admin/users", operatorKey.get(), Map.of("name", name)));
            if ((r.statusCode() == 401 || r.statusCode() == 403) && tenantKey.isPresent() && i == 1) {
                System.out.println("seeding: the operator key was refused (" + r.statusCode()
                        + "); using API_KEY as the only tenant");
                return List.of(new Tenant("api-key", tenantKey.get()));
            }
            if (r.statusCode() != 201) {
                throw new ProvisioningException("POST /api/v1/admin/users answered " + r.statusCode() + " for tenant "
                        + name + ": " + excerpt(r.body()));
            }
            JsonNode body = JSON.readTree(r.body());
            if (!body.hasNonNull("api_key")) {
                throw new ProvisioningException("POST /api/v1/admin/users returned no api_key: " + excerpt(r.body()));
            }
            tenants.add(new Tenant(name, body.get("api_key").asText()));
        }
        return tenants;
    }

    /** Creates {@code perTenant} memories for each tenant, recording their ids in the tenant. */
    public void seedMemories(List<Tenant> tenants, int perTenant, Corpus corpus, int concurrency)
            throws InterruptedException {
        seedMemories(tenants, t -> perTenant, corpus, concurrency);
    }

    /** @param perTenant memories of the tenant at an index (the largest tenants can hold more than the others) */
    public void seedMemories(List<Tenant> tenants, java.util.function.IntUnaryOperator perTenant, Corpus corpus,
                             int concurrency) throws InterruptedException {
        int total = 0;
        for (int t = 0; t < tenants.size(); t++) total += perTenant.applyAsInt(t);
        Semaphore inFlight = new Semaphore(concurrency);
        Map<String, LongAdder> failures = new ConcurrentHashMap<>();
        AtomicInteger done = new AtomicInteger();
        List<CompletableFuture<?>> calls = new ArrayList<>();
        long started = System.nanoTime();
        long lastPrint = started;
        for (int t = 0; t < tenants.size(); t++) {
            Tenant tenant = tenants.get(t);
            for (int m = 0; m < perTenant.applyAsInt(t); m++) {
                MemoryDraft draft = corpus.memory(t, m);
                inFlight.acquire();
                calls.add(http.sendAsync(post("/api/v1/memories", tenant.apiKey(), draft.body()),
                                HttpResponse.BodyHandlers.ofString())
                        .handle((r, error) -> {
                            inFlight.release();
                            done.incrementAndGet();
                            String outcome = error != null ? "connection" : r.statusCode() == 201 ? null
                                    : Integer.toString(r.statusCode());
                            if (outcome == null) {
                                idOf(r.body()).ifPresentOrElse(tenant::addMemory,
                                        () -> failures.computeIfAbsent("201 without id", k -> new LongAdder()).increment());
                            } else {
                                failures.computeIfAbsent(outcome, k -> new LongAdder()).increment();
                            }
                            return null;
                        }));
                if (System.nanoTime() - lastPrint > 3_000_000_000L) {
                    lastPrint = System.nanoTime();
                    System.out.printf("seeding: %d/%d memories%n", done.get(), total);
                }
            }
        }
        CompletableFuture.allOf(calls.toArray(CompletableFuture[]::new)).join();
        long failed = failures.values().stream().mapToLong(LongAdder::sum).sum();
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.printf("seeding: %d memories for %d tenants in %.1f s (%.0f/s), %d failed%s%n", total - failed,
                tenants.size(), seconds, total / seconds, failed, failed == 0 ? "" : " " + summary(failures));
        if (failed > total * MAX_FAILED_SHARE) {
            throw new ProvisioningException("seeding failed: " + failed + " of " + total
                    + " POST /api/v1/memories did not answer 201 " + summary(failures));
        }
    }

    private HttpRequest post(String path, String key, Object body) {
        try {
            return HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("Accept", "application/json")
                    .header("X-API-Key", key)
                    .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
        } catch (IOException e) {
            throw new IllegalStateException("cannot serialise a seeding request", e);
        }
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ProvisioningException(request.method() + " " + request.uri() + " failed: " + e.getMessage(), e);
        }
    }

    private static Optional<String> idOf(String body) {
        try {
            JsonNode id = JSON.readTree(body).get("id");
            return id == null || id.isNull() ? Optional.empty() : Optional.of(id.asText());
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static String summary(Map<String, LongAdder> failures) {
        Map<String, Long> sorted = new TreeMap<>();
        failures.forEach((k, v) -> sorted.put(k, v.sum()));
        return "(by status: " + sorted + ")";
    }

    private static String excerpt(String body) {
        return body.length() > 300 ? body.substring(0, 300) + "..." : body;
    }
}
