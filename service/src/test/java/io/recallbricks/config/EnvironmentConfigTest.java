package io.recallbricks.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EnvironmentConfigTest {

    private static final String DB = "postgresql://app:s3cr%40t@db.internal:6432/recallbricks?sslmode=require";

    @Test
    void theGuidesPostgresqlUrlBecomesJdbcWithCredentials() {
        Map<String, Object> properties = EnvironmentConfig.properties(Map.of("DATABASE_URL", DB));

        assertEquals("jdbc:postgresql://db.internal:6432/recallbricks?sslmode=require&socketTimeout=10&connectTimeout=5",
                properties.get("datasources.default.url"));
        assertEquals("app", properties.get("datasources.default.username"));
        assertEquals("s3cr@t", properties.get("datasources.default.password"));
    }

    @Test
    void driverTimeoutsGoInTheUrlUnlessTheOperatorSetThem() {
        Map<String, Object> properties = EnvironmentConfig.properties(Map.of(
                "DATABASE_URL", "jdbc:postgresql://localhost/rb?socketTimeout=60", "DATABASE_STATEMENT_TIMEOUT_MS", "2000"));

        assertEquals("jdbc:postgresql://localhost/rb?socketTimeout=60&connectTimeout=5", properties.get("datasources.default.url"));
        assertEquals("-c statement_timeout=2000", properties.get("datasources.default.data-source-properties.options"));
    }

    @Test
    void aJdbcUrlIsTakenAsItIs() {
        DatabaseUrl url = DatabaseUrl.parse("jdbc:postgresql://localhost/rb?user=a&password=b");

        assertEquals("jdbc:postgresql://localhost/rb?user=a&password=b", url.jdbcUrl());
        assertNull(url.username());
    }

    @Test
    void defaultsApplyWhenAVariableIsUnsetOrBlank() {
        Map<String, Object> properties = EnvironmentConfig.properties(Map.of("DATABASE_URL", DB, "PORT", " "));

        assertEquals(8080, properties.get("micronaut.server.port"));
        assertEquals(10, properties.get("datasources.default.maximum-pool-size"));
        assertEquals("-c statement_timeout=5000", properties.get("datasources.default.data-source-properties.options"));
        assertEquals(true, properties.get("micronaut.lifecycle.graceful-shutdown.enabled"));
    }

    @Test
    void aMissingDatabaseUrlIsOneClearLine() {
        InvalidConfigurationException error = assertThrows(InvalidConfigurationException.class,
                () -> EnvironmentConfig.properties(Map.of()));

        assertTrue(error.getMessage().startsWith("DATABASE_URL is required"), error.getMessage());
        assertFalse(error.getMessage().contains("\n"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "PORT|eighty|PORT must be a whole number",
            "PORT|70000|PORT must be between 0 and 65535",
            "DATABASE_POOL_SIZE|1|DATABASE_POOL_SIZE must be between 2 and 500",
            "MIGRATIONS_ENABLED|maybe|MIGRATIONS_ENABLED must be true or false",
            "ADMIN_API_KEY|short|ADMIN_API_KEY must be at least 24 characters",
            "DATABASE_URL|mysql://x/y|DATABASE_URL must start with postgresql://"})
    void anInvalidValueNamesTheVariable(String variable, String value, String message) {
        Map<String, String> environment = new java.util.HashMap<>(Map.of("DATABASE_URL", DB));
        environment.put(variable, value);

        InvalidConfigurationException error = assertThrows(InvalidConfigurationException.class,
                () -> EnvironmentConfig.properties(environment));

        assertTrue(error.getMessage().startsWith(message), error.getMessage());
    }

    @Test
    void passwordsNeverAppearInMessages() {
        InvalidConfigurationException error = assertThrows(InvalidConfigurationException.class,
                () -> DatabaseUrl.parse("postgresql://app:hunter2@/"));

        assertFalse(error.getMessage().contains("hunter2"), error.getMessage());
    }

    @Test
    void theHelpListsEveryVariable() {
        String help = EnvironmentConfig.describe();

        EnvironmentConfig.SETTINGS.forEach(setting -> assertTrue(help.contains(setting.variable())));
    }
}
