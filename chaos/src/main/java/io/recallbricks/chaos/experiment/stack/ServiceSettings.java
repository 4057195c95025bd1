package io.recallbricks.chaos.experiment.stack;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The service's resilience configuration the experiments run it with, and the bounds each verification derives
 * from it. One place: the environment handed to the service and every bound in the journals come from here, so
 * an override ({@code --service-env DB_FAILURE_THRESHOLD=10}) moves both together.
 *
 * <p>Defaults are the deployment guide's, except where an experiment must finish in minutes: a 3 s open period
 * (guide: 15 s), a 1 s pool wait, a 2 s statement timeout and a 5 s vector load (guide: 2 s / 5 s / 30 s), and a
 * background re-embedding job that looks every 2 s with a 1 s first retry delay (guide: 15 s / 30 s). Rate limits are
 * switched off: the experiments load a handful of tenants far above the per-tenant limits, and what is tested here is
 * the breakers.
 */
public record ServiceSettings(Map<String, String> environment) {

    static final Map<String, String> DEFAULTS = defaults();

    private static Map<String, String> defaults() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("CIRCUIT_BREAKER_ENABLED", "true");
        env.put("CIRCUIT_BREAKER_OPEN_SECONDS", "3");
        env.put("DB_FAILURE_THRESHOLD", "5");
        env.put("OPENAI_FAILURE_THRESHOLD", "3");
        env.put("DB_SLOW_CALL_MS", "1000");
        env.put("OPENAI_SLOW_CALL_MS", "2000");
        env.put("DATABASE_POOL_SIZE", "10");
        env.put("DATABASE_CONNECTION_TIMEOUT_MS", "1000");
        env.put("DATABASE_STATEMENT_TIMEOUT_MS", "2000");
        env.put("VECTOR_LOAD_TIMEOUT_MS", "5000");
        env.put("OPENAI_CONNECT_TIMEOUT_MS", "500");
        env.put("OPENAI_QUERY_TIMEOUT_MS", "800");
        env.put("OPENAI_WRITE_TIMEOUT_MS", "2000");
        env.put("OPENAI_TIMEOUT_MS", "3000");
        env.put("EMBEDDING_BACKFILL_INTERVAL_SECONDS", "2");
        env.put("EMBEDDING_BACKFILL_RETRY_DELAY_SECONDS", "1");
        env.put("EMBEDDING_BACKFILL_MAX_ATTEMPTS", "20");
        env.put("EMBEDDING_BACKFILL_BATCH_SIZE", "64");
        env.put("RATE_LIMIT_ENABLED", "false");
        env.put("DEGRADATION_CAPACITY", "2000");
        return Map.copyOf(env);
    }

    /** The defaults above with {@code overrides} on top. */
    public static ServiceSettings withOverrides(Map<String, String> overrides) {
        Map<String, String> env = new LinkedHashMap<>(DEFAULTS);
        env.putAll(overrides);
        return new ServiceSettings(Map.copyOf(env));
    }

    public ServiceSettings {
        environment = Map.copyOf(environment);
    }

    public int millis(String variable) {
        String value = environment.get(variable);
        if (value == null) {
            throw new IllegalArgumentException("no value for " + variable);
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(variable + " must be a whole number, got '" + value + "'");
        }
    }

    public Duration openPeriod() {
        return Duration.ofSeconds(millis("CIRCUIT_BREAKER_OPEN_SECONDS"));
    }

    public Duration connectionTimeout() {
        return Duration.ofMillis(millis("DATABASE_CONNECTION_TIMEOUT_MS"));
    }

    /** The service sets the JDBC socket timeout to the statement timeout plus 5 s, in whole seconds (rounded up). */
    public Duration socketTimeout() {
        long ms = millis("DATABASE_STATEMENT_TIMEOUT_MS") + 5000L;
        return Duration.ofSeconds((ms + 999) / 1000);
    }

    /** Longest an embedding call of the background job may take (its per-request read timeout). */
    public Duration embeddingRequestTimeout() {
        return Duration.ofMillis(millis("OPENAI_TIMEOUT_MS"));
    }

    public Duration embeddingWriteTimeout() {
        return Duration.ofMillis(millis("OPENAI_WRITE_TIMEOUT_MS"));
    }

    public Duration backfillInterval() {
        return Duration.ofSeconds(millis("EMBEDDING_BACKFILL_INTERVAL_SECONDS"));
    }

    /**
     * The database breaker must open within: one pool wait plus one socket timeout (the longest a failing call
     * takes to report), plus 2 s for the failures to fill the window under load and for the 200 ms probes.
     */
    public Duration databaseOpenBound() {
        return connectionTimeout().plus(socketTimeout()).plusSeconds(2);
    }

    /** Embedding breaker: one background request timeout (the longest failing call) plus 2 s. */
    public Duration embeddingsOpenBound() {
        return embeddingRequestTimeout().plusSeconds(2);
    }

    /**
     * After the fault ends a breaker may still be open for its open period, and its half-open trial calls may meet
     * calls still failing from the fault (up to the longest call timeout) and reopen once: two open periods plus
     * that timeout, plus 2 s.
     */
    public Duration closeBound(Duration longestCall) {
        return openPeriod().multipliedBy(2).plus(longestCall).plusSeconds(2);
    }

    /**
     * No response may take longer than a pool wait plus the longest a database call may take (a socket timeout, or
     * the vector load's deadline if longer), plus 2 s of slack on this machine.
     */
    public Duration databaseLatencyBound() {
        Duration vectorLoad = Duration.ofMillis(millis("VECTOR_LOAD_TIMEOUT_MS"));
        Duration longestCall = vectorLoad.compareTo(socketTimeout()) > 0 ? vectorLoad : socketTimeout();
        return connectionTimeout().plus(longestCall).plusSeconds(2);
    }

    /** While embeddings fail, a write waits at most the write timeout for its embedding; plus 2 s of slack. */
    public Duration embeddingsLatencyBound() {
        return embeddingWriteTimeout().plusSeconds(2);
    }

    /**
     * A memory stored while embeddings failed is retried with a doubling delay, so the delay after its last failed
     * attempt is at most the time already waited plus the first delay. Failures go on while the breaker is still
     * open after the fault (up to two open periods), so the last failure comes at most then, after a wait of at most
     * the fault plus two open periods, and the next attempt at most that plus the first delay later: in all, the
     * fault plus four open periods plus the first delay after the removal. The backlog is then embedded one
     * batch per run of the job; plus one run and 10 s of slack.
     *
     * @param backlog at most how many memories wait (the writes of the fault's duration)
     */
    public Duration backfillBound(Duration faultDuration, long backlog) {
        long batches = (backlog + millis("EMBEDDING_BACKFILL_BATCH_SIZE") - 1) / millis("EMBEDDING_BACKFILL_BATCH_SIZE");
        return faultDuration.plus(openPeriod().multipliedBy(4))
                .plusSeconds(millis("EMBEDDING_BACKFILL_RETRY_DELAY_SECONDS"))
                .plus(backfillInterval().multipliedBy(batches + 1)).plusSeconds(10);
    }
}
