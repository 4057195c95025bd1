package io.recallbricks.perf.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void convertsTheGuideFormToJdbcWithCredentials() {
        DatabaseUrl u = DatabaseUrl.parse("postgresql://rb:p%40ss@db.internal:6543/recall?sslmode=require");
        assertEquals("jdbc:postgresql://db.internal:6543/recall?sslmode=require", u.jdbcUrl());
        assertEquals(Optional.of("rb"), u.user());
        assertEquals(Optional.of("p@ss"), u.password());
    }

    @Test
    void keepsJdbcUrlsAndRejectsOthers() {
        assertEquals("jdbc:postgresql://h/db?user=x", DatabaseUrl.parse("jdbc:postgresql://h/db?user=x").jdbcUrl());
        assertEquals("jdbc:postgresql://h/postgres", DatabaseUrl.parse("postgres://h").jdbcUrl());
        assertThrows(IllegalArgumentException.class, () -> DatabaseUrl.parse("mysql://h/db"));
    }
}
