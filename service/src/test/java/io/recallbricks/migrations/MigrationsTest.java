package io.recallbricks.migrations;

import io.recallbricks.testing.TestDatabase;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The migrations as the service applies them: to an empty database, again (a no-op), and by several instances
 * starting at once; and the maintenance objects the deployment guide's crontab and runbook call.
 */
class MigrationsTest {

    private static Flyway flyway(TestDatabase.Database database) {
        return Flyway.configure()
                .dataSource(database.jdbcUrl(), database.username(), database.password())
                .locations("classpath:db/migration")
                .load();
    }

    private static TestDatabase.Database migratedDatabase() {
        TestDatabase.Database database = TestDatabase.fresh();
        flyway(database).migrate();
        return database;
    }

    @Test
    void applyToAnEmptyDatabaseAndASecondRunIsANoOp() {
        TestDatabase.Database database = TestDatabase.fresh();

        MigrateResult first = flyway(database).migrate();
        MigrateResult second = flyway(database).migrate();

        assertTrue(first.migrationsExecuted >= 3, "all migrations applied: " + first.migrationsExecuted);
        assertEquals(0, second.migrationsExecuted);
    }

    @Test
    void severalInstancesMigratingAtOnceAllSucceed() throws Exception {
        TestDatabase.Database database = TestDatabase.fresh();
        ExecutorService instances = Executors.newFixedThreadPool(3);
        try {
            List<Future<MigrateResult>> results = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                results.add(instances.submit((Callable<MigrateResult>) () -> flyway(database).migrate()));
            }
            int executed = 0;
            for (Future<MigrateResult> result : results) {
                MigrateResult outcome = result.get(60, TimeUnit.SECONDS);
                assertTrue(outcome.success);
                executed += outcome.migrationsExecuted;
            }
            assertEquals(flyway(database).info().applied().length, executed, "each migration applied exactly once");
        } finally {
            instances.shutdownNow();
        }
    }

    @Test
    void cleanupOldCachesRemovesExpiredAndAgedRows() throws SQLException {
        try (Connection connection = migratedDatabase().connect(); Statement sql = connection.createStatement()) {
            String user = scalar(sql, "INSERT INTO users (name) VALUES ('maintenance') RETURNING id");
            sql.execute("INSERT INTO prediction_cache (user_id, cache_key, context_hash, expires_at) VALUES "
                    + "('" + user + "', 'old', 'h', now() - interval '2 hours'), ('" + user + "', 'fresh', 'h', now() + interval '1 hour')");
            sql.execute("INSERT INTO learning_metrics (user_id, metric_type, metric_value, recorded_at) VALUES "
                    + "('" + user + "', 'avg_helpfulness', 0.5, now() - interval '2 years'), ('" + user + "', 'avg_helpfulness', 0.6, now())");
            sql.execute("INSERT INTO temporal_patterns (user_id, pattern_type, pattern_key, last_seen) VALUES "
                    + "('" + user + "', 'hourly', 'hour:3', now() - interval '1 year'), ('" + user + "', 'hourly', 'hour:4', now())");

            assertEquals("3", scalar(sql, "SELECT cleanup_old_caches()"));
            assertEquals("1", scalar(sql, "SELECT count(*) FROM prediction_cache"));
            assertEquals("1", scalar(sql, "SELECT count(*) FROM learning_metrics"));
            assertEquals("1", scalar(sql, "SELECT count(*) FROM temporal_patterns"));
        }
    }

    @Test
    void refreshStatsCachesWorksOnAFreshDatabaseAndConcurrentlyAfterwards() throws SQLException {
        try (Connection connection = migratedDatabase().connect(); Statement sql = connection.createStatement()) {
            String user = scalar(sql, "INSERT INTO users (name) VALUES ('stats') RETURNING id");
            sql.execute("INSERT INTO memories (user_id, text, usage_count, last_accessed) VALUES "
                    + "('" + user + "', 'a', 3, now()), ('" + user + "', 'b', 0, null)");

            sql.execute("SELECT refresh_stats_caches()");
            sql.execute("INSERT INTO memories (user_id, text) VALUES ('" + user + "', 'c')");
            sql.execute("SELECT refresh_stats_caches()");

            assertEquals("3", scalar(sql, "SELECT total_memories FROM user_stats_cache WHERE user_id = '" + user + "'"));
            assertEquals("3", scalar(sql, "SELECT total_usage FROM user_stats_cache WHERE user_id = '" + user + "'"));
            assertEquals("1", scalar(sql, "SELECT active_memories FROM user_stats_cache WHERE user_id = '" + user + "'"));
        }
    }

    @Test
    void maintenanceVacuumAnalyzeAnalyzesAndReportsWithoutFailing() throws SQLException {
        try (Connection connection = migratedDatabase().connect(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT table_name, needs_vacuum FROM maintenance_vacuum_analyze()")) {
            List<String> tables = new ArrayList<>();
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
            assertTrue(tables.contains("memories"), tables.toString());
        }
    }

    @Test
    void slowQueriesIsEmptyRatherThanAnErrorWithoutPgStatStatements() throws SQLException {
        try (Connection connection = migratedDatabase().connect(); Statement sql = connection.createStatement()) {
            assertEquals("0", scalar(sql, "SELECT count(*) FROM slow_queries"));
            // Installed but not preloaded: the view still answers.
            try {
                sql.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
            } catch (SQLException notShipped) {
                return;
            }
            assertEquals("0", scalar(sql, "SELECT count(*) FROM slow_queries"));
        }
    }

    @Test
    void connectionStatsCountsThisConnection() throws SQLException {
        try (Connection connection = migratedDatabase().connect(); Statement sql = connection.createStatement()) {
            assertTrue(Integer.parseInt(scalar(sql, "SELECT sum(connections) FROM connection_stats")) >= 1);
        }
    }

    @Test
    void incrementMemoryUsageRecordsTheContextTheOriginalLost() throws SQLException {
        try (Connection connection = migratedDatabase().connect(); Statement sql = connection.createStatement()) {
            String user = scalar(sql, "INSERT INTO users (name) VALUES ('usage') RETURNING id");
            String memory = scalar(sql, "INSERT INTO memories (user_id, text) VALUES ('" + user + "', 'm') RETURNING id");

            sql.execute("SELECT increment_memory_usage('" + memory + "', 'search_result')");
            sql.execute("SELECT increment_memory_usage('" + memory + "', 'search_result')");

            assertEquals("2", scalar(sql, "SELECT usage_count FROM memories WHERE id = '" + memory + "'"));
            assertEquals("2", scalar(sql, "SELECT access_pattern -> 'contexts' ->> 'search_result' FROM memories WHERE id = '" + memory + "'"));
        }
    }

    @Test
    void helpfulnessFeedbackFollowsTheOriginalFormulas() throws SQLException {
        try (Connection connection = migratedDatabase().connect(); Statement sql = connection.createStatement()) {
            String user = scalar(sql, "INSERT INTO users (name) VALUES ('feedback') RETURNING id");
            String memory = scalar(sql, "INSERT INTO memories (user_id, text) VALUES ('" + user + "', 'm') RETURNING id");

            assertEquals(0.6, Double.parseDouble(scalar(sql, "SELECT update_helpfulness_score('" + memory + "', true, null)")), 1e-9);
            assertEquals(0.69, Double.parseDouble(scalar(sql, "SELECT update_helpfulness_score('" + memory + "', true, 0.9)")), 1e-9);
        }
    }

    @Test
    void tenNegativeFeedbacksRaiseTheHelpfulnessWeight() throws SQLException {
        try (Connection connection = migratedDatabase().connect(); Statement sql = connection.createStatement()) {
            String user = scalar(sql, "INSERT INTO users (name) VALUES ('weights') RETURNING id");
            for (int i = 0; i < 10; i++) {
                sql.execute("SELECT update_learning_params('" + user + "', null, false)");
            }

            assertEquals(0.55, Double.parseDouble(scalar(sql, "SELECT helpfulness_weight FROM user_learning_params WHERE user_id = '" + user + "'")), 1e-9);
            assertEquals("10", scalar(sql, "SELECT negative_feedback_count FROM user_learning_params WHERE user_id = '" + user + "'"));
        }
    }

    @Test
    void aRelationshipCannotCrossTenants() throws SQLException {
        try (Connection connection = migratedDatabase().connect(); Statement sql = connection.createStatement()) {
            String alice = scalar(sql, "INSERT INTO users (name) VALUES ('alice') RETURNING id");
            String bob = scalar(sql, "INSERT INTO users (name) VALUES ('bob') RETURNING id");
            String a = scalar(sql, "INSERT INTO memories (user_id, text) VALUES ('" + alice + "', 'a') RETURNING id");
            String b = scalar(sql, "INSERT INTO memories (user_id, text) VALUES ('" + bob + "', 'b') RETURNING id");

            SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(SQLException.class, () -> sql.execute(
                    "INSERT INTO memory_relationships (user_id, memory_id, related_memory_id, relationship_type) VALUES ('"
                            + alice + "', '" + a + "', '" + b + "', 'related_to')"));
            assertEquals("23503", refused.getSQLState(), "foreign key violation");
        }
    }

    private static String scalar(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
