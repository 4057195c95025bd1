-- The objects the deployment guide's crontab and runbook call, made to work on PostgreSQL 15:
--   0 * * * *    SELECT cleanup_old_caches();
--   */15 * * * * SELECT refresh_stats_caches();
--   0 2 * * *    SELECT maintenance_vacuum_analyze();   -- plus `vacuumdb --analyze` (see below)
-- and the slow_queries / connection_stats views.

-- Deletes expired and aged-out rows; returns how many rows it removed in total (the original returned only
-- the prediction_cache count, hiding the rest of its work).
CREATE OR REPLACE FUNCTION cleanup_old_caches() RETURNS integer
    LANGUAGE plpgsql AS
$$
DECLARE
    removed  integer := 0;
    n        integer;
BEGIN
    DELETE FROM prediction_cache WHERE expires_at < now() - interval '1 hour';
    GET DIAGNOSTICS n = ROW_COUNT;
    removed := removed + n;

    DELETE FROM learning_metrics WHERE recorded_at < now() - interval '1 year';
    GET DIAGNOSTICS n = ROW_COUNT;
    removed := removed + n;

    DELETE FROM temporal_patterns WHERE last_seen < now() - interval '6 months';
    GET DIAGNOSTICS n = ROW_COUNT;
    removed := removed + n;

    RETURN removed;
END;
$$;

-- Per-user statistics, refreshed every 15 minutes. Both views have a unique index, which REFRESH ...
-- CONCURRENTLY needs (its absence made the original's refresh fail and roll back).
CREATE MATERIALIZED VIEW IF NOT EXISTS user_stats_cache AS
SELECT m.user_id,
       count(*)                                                          AS total_memories,
       avg(m.helpfulness_score)                                          AS avg_helpfulness,
       sum(m.usage_count)                                                AS total_usage,
       count(*) FILTER (WHERE m.last_accessed > now() - interval '30 days') AS active_memories,
       max(greatest(m.updated_at, coalesce(m.last_accessed, m.updated_at))) AS last_activity,
       now()                                                             AS refreshed_at
FROM memories m
GROUP BY m.user_id;
CREATE UNIQUE INDEX IF NOT EXISTS uq_user_stats_cache_user ON user_stats_cache (user_id);

CREATE MATERIALIZED VIEW IF NOT EXISTS pattern_effectiveness_cache AS
SELECT p.user_id,
       p.pattern_type,
       count(*)           AS pattern_count,
       avg(p.confidence)  AS avg_confidence,
       sum(p.occurrences) AS total_occurrences,
       max(p.last_seen)   AS most_recent,
       now()              AS refreshed_at
FROM temporal_patterns p
WHERE p.confidence >= 0.5
  AND p.last_seen > now() - interval '90 days'
GROUP BY p.user_id, p.pattern_type;
CREATE UNIQUE INDEX IF NOT EXISTS uq_pattern_effectiveness_cache ON pattern_effectiveness_cache (user_id, pattern_type);

-- CONCURRENTLY keeps readers unblocked, but PostgreSQL refuses it on a view that was never populated; a plain
-- refresh covers that first time.
CREATE OR REPLACE FUNCTION refresh_stats_caches() RETURNS void
    LANGUAGE plpgsql AS
$$
DECLARE
    v text;
BEGIN
    FOREACH v IN ARRAY ARRAY ['user_stats_cache', 'pattern_effectiveness_cache']
        LOOP
            IF (SELECT relispopulated FROM pg_class WHERE oid = v::regclass) THEN
                EXECUTE format('REFRESH MATERIALIZED VIEW CONCURRENTLY %I', v);
            ELSE
                EXECUTE format('REFRESH MATERIALIZED VIEW %I', v);
            END IF;
        END LOOP;
END;
$$;

-- VACUUM cannot run inside a function (nor inside any transaction), which is why the original failed on every
-- call. This function does the part that can: it refreshes planner statistics of the busy tables and reports
-- which ones need a VACUUM. The nightly VACUUM itself is `vacuumdb --analyze` in deploy/maintenance/crontab.
CREATE OR REPLACE FUNCTION maintenance_vacuum_analyze()
    RETURNS TABLE (table_name text, live_tuples bigint, dead_tuples bigint, needs_vacuum boolean)
    LANGUAGE plpgsql AS
$$
DECLARE
    t text;
BEGIN
    FOREACH t IN ARRAY ARRAY ['memories', 'memory_relationships', 'temporal_patterns', 'user_learning_params',
                              'prediction_cache', 'learning_metrics']
        LOOP
            EXECUTE format('ANALYZE %I', t);
        END LOOP;
    RETURN QUERY
        SELECT s.relname::text,
               s.n_live_tup,
               s.n_dead_tup,
               s.n_dead_tup > 1000 AND s.n_dead_tup > 0.1 * greatest(s.n_live_tup, 1)
        FROM pg_stat_user_tables s
        WHERE s.relname IN ('memories', 'memory_relationships', 'temporal_patterns', 'user_learning_params',
                            'prediction_cache', 'learning_metrics')
        ORDER BY s.relname;
END;
$$;

-- Statements slower than p_min_mean_ms on average. pg_stat_statements is optional: without it (not installed,
-- or not preloaded) this answers an empty set instead of an error. Uses the PostgreSQL 13+ column names.
CREATE OR REPLACE FUNCTION slow_queries_report(p_min_mean_ms double precision DEFAULT 100, p_limit integer DEFAULT 50)
    RETURNS TABLE (query text, calls bigint, total_exec_ms double precision, mean_exec_ms double precision,
                   max_exec_ms double precision, stddev_exec_ms double precision, rows_returned bigint)
    LANGUAGE plpgsql AS
$$
BEGIN
    IF to_regclass('pg_stat_statements') IS NULL THEN
        RETURN;
    END IF;
    RETURN QUERY EXECUTE
        'SELECT s.query, s.calls, s.total_exec_time, s.mean_exec_time, s.max_exec_time, s.stddev_exec_time, s.rows
           FROM pg_stat_statements s
          WHERE s.mean_exec_time > $1
          ORDER BY s.mean_exec_time DESC
          LIMIT $2'
        USING p_min_mean_ms, p_limit;
EXCEPTION
    -- The extension exists but the library is not preloaded: nothing to report.
    WHEN object_not_in_prerequisite_state THEN
        RETURN;
END;
$$;

CREATE OR REPLACE VIEW slow_queries AS
SELECT * FROM slow_queries_report(100, 50);

CREATE OR REPLACE VIEW connection_stats AS
SELECT coalesce(a.state, 'unknown')        AS state,
       count(*)                            AS connections,
       max(now() - a.state_change)         AS longest_in_state
FROM pg_stat_activity a
WHERE a.datname = current_database()
GROUP BY a.state;
