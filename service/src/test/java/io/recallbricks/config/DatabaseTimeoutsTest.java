package io.recallbricks.config;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.recallbricks.testing.TestService;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import com.zaxxer.hikari.HikariDataSource;
import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The timeouts that keep a slow or hung database from holding request threads are really in effect on the pooled
 * connections: the server-side statement timeout and the driver's socket timeout.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseTimeoutsTest implements TestPropertyProvider {

    @Inject
    DataSource dataSource;

    @Override
    public Map<String, String> getProperties() {
        return TestService.properties(Map.of("DATABASE_STATEMENT_TIMEOUT_MS", "3000"));
    }

    @Test
    void pooledConnectionsCarryTheStatementAndSocketTimeouts() throws Exception {
        try (Connection connection = dataSource.unwrap(HikariDataSource.class).getConnection(); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SHOW statement_timeout")) {
            rows.next();

            assertEquals("3s", rows.getString(1));
            assertEquals(8_000, connection.getNetworkTimeout(), "socket timeout = statement timeout + 5 s");
        }
    }
}
