package io.recallbricks.resilience;

import com.zaxxer.hikari.HikariDataSource;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** A guarded database call that holds its pooled connection for as long as the test asks (pg_sleep). */
@Singleton
@Requires(property = "recallbricks.test.sleeping-query", value = "true")
public class SleepingQuery {

    private final HikariDataSource pool;

    public SleepingQuery(DataSource dataSource) throws SQLException {
        this.pool = dataSource.unwrap(HikariDataSource.class);
    }

    @DatabaseGuarded
    public void sleep(long millis) throws SQLException {
        try (Connection connection = pool.getConnection();
             PreparedStatement statement = connection.prepareStatement("select pg_sleep(?)")) {
            statement.setDouble(1, millis / 1000.0);
            statement.execute();
        }
    }
}
