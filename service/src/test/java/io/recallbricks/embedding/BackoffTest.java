package io.recallbricks.embedding;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackoffTest {

    @Test
    void delaysDoubleWithJitterAndAreCapped() {
        Backoff backoff = new Backoff(200);
        for (int i = 0; i < 100; i++) {
            long first = backoff.delay(1).toMillis();
            long third = backoff.delay(3).toMillis();
            assertTrue(first >= 100 && first <= 200, "first retry in [base/2, base]: " + first);
            assertTrue(third >= 400 && third <= 800, "third retry in [2 base, 4 base]: " + third);
            assertTrue(backoff.delay(30).compareTo(Backoff.MAX_DELAY) <= 0, "capped");
        }
    }

    @Test
    void retryAfterIsReadAsSecondsOrHttpDate() {
        Instant now = Instant.parse("2026-11-28T12:00:00Z");
        assertEquals(Duration.ofSeconds(2), Backoff.retryAfter("2", now));
        assertEquals(Duration.ofMillis(500), Backoff.retryAfter("0.5", now));
        assertEquals(Duration.ofSeconds(30), Backoff.retryAfter("Sat, 28 Nov 2026 12:00:30 GMT", now));
        assertNull(Backoff.retryAfter("soon", now));
        assertNull(Backoff.retryAfter(null, now));
    }
}
