package io.recallbricks.resilience;

import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** How the database breaker tells a busy pool from a database that cannot be reached. */
class DatabaseProgressTest {

    // HikariCP's acquisition timeout: no cause when connections exist but none came free...
    private static final SQLTransientConnectionException BUSY =
            new SQLTransientConnectionException("pool - Connection is not available, request timed out after 250ms");
    // ...and the last failure to open a connection as its cause when the database refuses them.
    private static final SQLTransientConnectionException UNREACHABLE = new SQLTransientConnectionException(
            "pool - Connection is not available", "08001", new SQLException("Connection refused", "08001",
            new ConnectException("Connection refused")));

    @Test
    void aTimeoutWithoutACauseIsABusyPoolWhateverWrapsIt() {
        assertTrue(DatabaseProgress.isBusyPool(BUSY));
        assertTrue(DatabaseProgress.isBusyPool(new RuntimeException("Could not get connection", BUSY)));
        assertFalse(DatabaseProgress.isBusyPool(UNREACHABLE));
        assertFalse(DatabaseProgress.isBusyPool(new SQLException("duplicate key", "23505")));
    }

    @Test
    void aBusyPoolIsOverloadOnlyWhileTheDatabaseAnswers() throws InterruptedException {
        DatabaseProgress progress = new DatabaseProgress(50);
        progress.answered();
        assertTrue(progress.isOverload(BUSY));
        assertFalse(progress.isOverload(UNREACHABLE), "a database refusing connections is never overload");

        Thread.sleep(80);
        assertFalse(progress.isOverload(BUSY), "no answer for longer than the limit: the database may be hung");
    }

    @Test
    void onlyErrorsTheDatabaseSentProveItAnswers() {
        assertTrue(DatabaseProgress.raisedByDatabase(new RuntimeException(new SQLException("duplicate key", "23505"))));
        assertFalse(DatabaseProgress.raisedByDatabase(new IllegalStateException("a bug of ours")));
        assertFalse(DatabaseProgress.raisedByDatabase(new SQLException("cancelled by statement timeout", "57014")));
        assertFalse(DatabaseProgress.raisedByDatabase(UNREACHABLE));
    }
}
