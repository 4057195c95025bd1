package io.recallbricks.perf.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PgActivityTest {

    @Test
    void countsOtherClientConnectionsOnARealPostgres() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start();
             PgActivity activity = new PgActivity(DatabaseUrl.parse(
                     "postgresql://postgres:postgres@127.0.0.1:" + pg.getPort() + "/postgres"))) {
            int before = activity.clientConnections().orElseThrow();
            List<Connection> opened = new ArrayList<>();
            try {
                for (int i = 0; i < 3; i++) opened.add(pg.getPostgresDatabase().getConnection());
                assertEquals(before + 3, activity.clientConnections().orElseThrow());
            } finally {
                for (Connection c : opened) c.close();
            }
        }
    }

    @Test
    void aLocalPostgresIsFoundThroughABackendThatMayEndAfterwards() throws Exception {
        try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
            CpuBudget budget;
            try (PgActivity activity = new PgActivity(DatabaseUrl.parse(
                    "postgresql://postgres:postgres@127.0.0.1:" + pg.getPort() + "/postgres"))) {
                budget = CpuBudget.of(Optional.empty(), activity.backendPid(), Optional.empty());
            }
            // The sampler's backend is gone; the postmaster and its other processes still count.
            Map<String, CpuBudget.ComponentCpu> cpu = budget.read();
            assertTrue(cpu.containsKey("postgres") && !cpu.get("postgres").liveNanos().isEmpty(), cpu.toString());
        }
    }

    @Test
    void reportsNothingWhenTheDatabaseIsUnreachable() {
        try (PgActivity activity = new PgActivity(DatabaseUrl.parse("postgresql://u:p@127.0.0.1:1/none"))) {
            assertTrue(activity.clientConnections().isEmpty());
        }
    }
}
