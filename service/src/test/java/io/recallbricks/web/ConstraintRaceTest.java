package io.recallbricks.web;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.recallbricks.testing.Api;
import io.recallbricks.testing.RawHttp;
import io.recallbricks.testing.TestDatabase;
import io.recallbricks.testing.TestService;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * Issue 13: writes that lose a race to a constraint answer 409/404, not 500. Each race is made deterministic with a
 * second connection that holds the conflicting change uncommitted: the service's own check does not see it, its
 * write waits for it, and the commit makes the write fail on the constraint.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConstraintRaceTest implements TestPropertyProvider {

    private final TestDatabase.Database database = TestDatabase.fresh();

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        // The service's write waits on the rival's lock until the test commits: give it time on a busy machine.
        return TestService.properties(database, Map.of("DATABASE_STATEMENT_TIMEOUT_MS", "60000"));
    }

    @Test
    void twoCreationsOfOneEmailAnswer409() throws Exception {
        String email = "race-" + UUID.randomUUID() + "@example.org";
        try (Connection rival = database.connect(); Connection observer = database.connect()) {
            rival.setAutoCommit(false);
            try (PreparedStatement insert = rival.prepareStatement("INSERT INTO users (name, email) VALUES ('rival', ?)")) {
                insert.setString(1, email);
                insert.executeUpdate();
            }
            CompletableFuture<HttpResponse<String>> creation = CompletableFuture.supplyAsync(() ->
                    new RawHttp(server).send("POST", "/api/v1/admin/users",
                            "{\"name\":\"second\",\"email\":\"" + email + "\"}", "X-API-Key", TestService.ADMIN_KEY));
            awaitLockWait(observer, creation);
            rival.commit();

            HttpResponse<String> response = creation.get(30, TimeUnit.SECONDS);
            assertEquals(409, response.statusCode(), response.body());
            assertFalse(response.body().contains("duplicate key") || response.body().contains("SQL"), response.body());
        }
    }

    @Test
    void aMemoryDeletedDuringARelationshipCreateAnswers404() throws Exception {
        Api.Tenant tenant = new Api(client).newTenant("relationship-race");
        RawHttp raw = new RawHttp(server);
        String from = created(raw.send("POST", "/api/v1/memories", "{\"text\":\"from\"}", "X-API-Key", tenant.apiKey()));
        String to = created(raw.send("POST", "/api/v1/memories", "{\"text\":\"to\"}", "X-API-Key", tenant.apiKey()));
        try (Connection rival = database.connect(); Connection observer = database.connect()) {
            rival.setAutoCommit(false);
            try (PreparedStatement delete = rival.prepareStatement("DELETE FROM memories WHERE id = ?")) {
                delete.setObject(1, UUID.fromString(to));
                assertEquals(1, delete.executeUpdate());
            }
            CompletableFuture<HttpResponse<String>> creation = CompletableFuture.supplyAsync(() ->
                    raw.send("POST", "/api/v1/relationships", "{\"memory_id\":\"" + from + "\",\"related_memory_id\":\""
                            + to + "\",\"relationship_type\":\"related_to\"}", "X-API-Key", tenant.apiKey()));
            awaitLockWait(observer, creation);
            rival.commit();

            HttpResponse<String> response = creation.get(30, TimeUnit.SECONDS);
            assertEquals(404, response.statusCode(), response.body());
        }
    }

    private static String created(HttpResponse<String> response) {
        assertEquals(201, response.statusCode(), response.body());
        return response.body().replaceAll("(?s).*?\"id\"\\s*:\\s*\"([0-9a-f-]{36})\".*", "$1");
    }

    /** Until the service's write waits on the rival's lock (a lock not granted in pg_locks). */
    private static void awaitLockWait(Connection observer, CompletableFuture<?> request) throws Exception {
        observer.setAutoCommit(true);
        try (PreparedStatement waiting = observer.prepareStatement("SELECT count(*) FROM pg_locks WHERE NOT granted")) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                try (var rows = waiting.executeQuery()) {
                    rows.next();
                    if (rows.getLong(1) > 0) {
                        return;
                    }
                }
                if (request.isDone()) {
                    try (var all = observer.createStatement().executeQuery("SELECT locktype, mode, granted, pid FROM pg_locks")) {
                        StringBuilder seen = new StringBuilder();
                        while (all.next()) {
                            seen.append(all.getString(1)).append("/").append(all.getString(2)).append("/").append(all.getBoolean(3)).append("/").append(all.getInt(4)).append("; ");
                        }
                        throw new AssertionError("finished without waiting: " + request.join() + " locks: " + seen);
                    }
                }
                Thread.sleep(20);
            }
            throw new AssertionError("the request never waited on the rival's lock");
        }
    }
}
