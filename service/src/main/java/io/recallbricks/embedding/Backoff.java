package io.recallbricks.embedding;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Delays between attempts: exponential with "equal jitter" (half fixed, half random, so clients that failed
 * together do not retry together), capped; a server's Retry-After wins when it gives one.
 */
final class Backoff {

    static final Duration MAX_DELAY = Duration.ofSeconds(5);

    private final long baseMillis;

    Backoff(long baseMillis) {
        this.baseMillis = baseMillis;
    }

    /** Delay before attempt {@code retry + 1} (the first retry is {@code retry = 1}). */
    Duration delay(int retry) {
        long exponential = Math.min(MAX_DELAY.toMillis(), baseMillis << Math.min(retry - 1, 20));
        long half = exponential / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }

    /** A Retry-After header (delta seconds or an HTTP date), or null when absent or unreadable. */
    static Duration retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.trim();
        try {
            return Duration.ofMillis(Math.max(0, (long) (Double.parseDouble(value) * 1000)));
        } catch (NumberFormatException notSeconds) {
            try {
                Instant at = ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
            } catch (DateTimeParseException unreadable) {
                return null;
            }
        }
    }
}
