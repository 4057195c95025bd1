-- What the learning features read and write: per-user adaptive weights, temporal patterns, the learning
-- metrics time series, and the per-memory analytics view. The original's functions are redefined here with
-- their defects fixed (lost updates under concurrency, usage contexts never recorded).

CREATE TABLE IF NOT EXISTS user_learning_params (
    user_id                  uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    usage_weight             double precision NOT NULL DEFAULT 0.3 CHECK (usage_weight BETWEEN 0 AND 1),
    recency_weight           double precision NOT NULL DEFAULT 0.2 CHECK (recency_weight BETWEEN 0 AND 1),
    helpfulness_weight       double precision NOT NULL DEFAULT 0.5 CHECK (helpfulness_weight BETWEEN 0 AND 1),
    relationship_weight      double precision NOT NULL DEFAULT 0.2 CHECK (relationship_weight BETWEEN 0 AND 1),
    -- Counts feedback events (the original's name is kept for the contract).
    total_searches           integer NOT NULL DEFAULT 0,
    positive_feedback_count  integer NOT NULL DEFAULT 0,
    negative_feedback_count  integer NOT NULL DEFAULT 0,
    avg_search_satisfaction  double precision NOT NULL DEFAULT 0.5,
    last_weight_update       timestamptz NOT NULL DEFAULT now(),
    created_at               timestamptz NOT NULL DEFAULT now(),
    updated_at               timestamptz NOT NULL DEFAULT now()
);
DROP TRIGGER IF EXISTS trg_learning_params_updated_at ON user_learning_params;
CREATE TRIGGER trg_learning_params_updated_at BEFORE UPDATE ON user_learning_params
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

CREATE TABLE IF NOT EXISTS temporal_patterns (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id       uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    pattern_type  text        NOT NULL CHECK (pattern_type IN ('hourly', 'daily', 'weekly', 'sequence', 'co_access')),
    -- The stable identity of a pattern (e.g. 'hour:14' or 'day:Monday'), so re-analysis updates a pattern in
    -- place instead of inserting a new row whenever its membership changes.
    pattern_key   text        NOT NULL,
    pattern_data  jsonb       NOT NULL DEFAULT '{}'::jsonb,
    confidence    double precision NOT NULL DEFAULT 0.5 CHECK (confidence BETWEEN 0 AND 1),
    occurrences   integer     NOT NULL DEFAULT 1,
    first_seen    timestamptz NOT NULL DEFAULT now(),
    last_seen     timestamptz NOT NULL DEFAULT now(),
    created_at    timestamptz NOT NULL DEFAULT now(),
    updated_at    timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT uq_temporal_pattern UNIQUE (user_id, pattern_type, pattern_key)
);
CREATE INDEX IF NOT EXISTS idx_temporal_patterns_user_confidence ON temporal_patterns (user_id, pattern_type, confidence DESC);
CREATE INDEX IF NOT EXISTS idx_temporal_patterns_last_seen ON temporal_patterns (last_seen DESC);
DROP TRIGGER IF EXISTS trg_temporal_patterns_updated_at ON temporal_patterns;
CREATE TRIGGER trg_temporal_patterns_updated_at BEFORE UPDATE ON temporal_patterns
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

CREATE TABLE IF NOT EXISTS learning_metrics (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id       uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    metric_type   text        NOT NULL CHECK (metric_type IN ('search_accuracy', 'prediction_accuracy', 'avg_helpfulness',
                                                              'user_satisfaction', 'relationship_quality')),
    metric_value  double precision NOT NULL,
    context       jsonb       NOT NULL DEFAULT '{}'::jsonb,
    recorded_at   timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS idx_learning_metrics_user_type_recorded ON learning_metrics (user_id, metric_type, recorded_at DESC);
CREATE INDEX IF NOT EXISTS idx_learning_metrics_recorded ON learning_metrics (recorded_at);

-- Kept for the deployment guide's cache clean-up job; predictions are cached in the service today.
CREATE TABLE IF NOT EXISTS prediction_cache (
    id             uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id        uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    cache_key      text        NOT NULL,
    predictions    jsonb       NOT NULL DEFAULT '[]'::jsonb,
    context_hash   text        NOT NULL,
    confidence     double precision NOT NULL DEFAULT 0.5,
    hit_count      integer     NOT NULL DEFAULT 0,
    created_at     timestamptz NOT NULL DEFAULT now(),
    expires_at     timestamptz NOT NULL DEFAULT now() + interval '1 hour',
    last_accessed  timestamptz,
    CONSTRAINT uq_prediction_cache UNIQUE (user_id, cache_key)
);
CREATE INDEX IF NOT EXISTS idx_prediction_cache_expires ON prediction_cache (expires_at);

CREATE OR REPLACE VIEW memory_analytics AS
SELECT m.id,
       m.user_id,
       m.project_id,
       m.text,
       m.tags,
       m.usage_count,
       m.last_accessed,
       m.helpfulness_score,
       m.access_pattern,
       m.created_at,
       CASE
           WHEN m.usage_count > 50 THEN 'very_high'
           WHEN m.usage_count > 20 THEN 'high'
           WHEN m.usage_count > 5 THEN 'medium'
           WHEN m.usage_count > 0 THEN 'low'
           ELSE 'unused'
       END AS access_frequency,
       CASE
           WHEN m.last_accessed IS NULL THEN 0.0
           WHEN m.last_accessed > now() - interval '7 days' THEN 1.0
           WHEN m.last_accessed > now() - interval '30 days' THEN 0.8
           WHEN m.last_accessed > now() - interval '90 days' THEN 0.5
           ELSE 0.3
       END::double precision AS recency_score,
       EXTRACT(DAY FROM now() - m.last_accessed)::integer AS days_since_access,
       (SELECT count(*) FROM memory_relationships r WHERE r.memory_id = m.id)::integer AS relationship_count
FROM memories m;

-- Feedback on one memory, applied in a single UPDATE so concurrent feedback never loses an update
-- (the original read, computed in the client, and wrote back).
CREATE OR REPLACE FUNCTION update_helpfulness_score(p_memory_id uuid, p_helpful boolean, p_satisfaction double precision)
    RETURNS double precision
    LANGUAGE sql AS
$$
UPDATE memories
SET helpfulness_score = CASE
        WHEN p_satisfaction IS NOT NULL THEN 0.3 * p_satisfaction + 0.7 * helpfulness_score
        ELSE least(1.0, greatest(0.0, helpfulness_score + CASE WHEN p_helpful THEN 0.1 ELSE -0.05 END))
    END
WHERE id = p_memory_id
RETURNING helpfulness_score;
$$;

-- The user's adaptive weights: one atomic upsert per feedback event; every tenth event nudges the weights.
CREATE OR REPLACE FUNCTION update_learning_params(p_user_id uuid, p_satisfaction double precision, p_helpful boolean)
    RETURNS void
    LANGUAGE plpgsql AS
$$
DECLARE
    p user_learning_params%ROWTYPE;
BEGIN
    INSERT INTO user_learning_params AS ulp (user_id, total_searches, positive_feedback_count, negative_feedback_count,
                                             avg_search_satisfaction)
    VALUES (p_user_id, 1, CASE WHEN p_helpful THEN 1 ELSE 0 END, CASE WHEN p_helpful THEN 0 ELSE 1 END,
            coalesce(0.1 * p_satisfaction + 0.9 * 0.5, 0.5))
    ON CONFLICT (user_id) DO UPDATE
        SET total_searches          = ulp.total_searches + 1,
            positive_feedback_count = ulp.positive_feedback_count + CASE WHEN p_helpful THEN 1 ELSE 0 END,
            negative_feedback_count = ulp.negative_feedback_count + CASE WHEN p_helpful THEN 0 ELSE 1 END,
            avg_search_satisfaction = coalesce(0.1 * p_satisfaction + 0.9 * ulp.avg_search_satisfaction,
                                               ulp.avg_search_satisfaction)
    RETURNING * INTO p;

    IF p.total_searches % 10 = 0 THEN
        UPDATE user_learning_params
        SET helpfulness_weight = CASE
                WHEN p.negative_feedback_count::double precision / p.total_searches > 0.3
                    THEN least(0.8, helpfulness_weight + 0.05)
                ELSE helpfulness_weight END,
            usage_weight = CASE
                WHEN p.positive_feedback_count::double precision / p.total_searches > 0.7
                    THEN greatest(0.2, usage_weight - 0.05)
                ELSE usage_weight END,
            last_weight_update = now()
        WHERE user_id = p_user_id;
    END IF;
END;
$$;

-- Records one access. Fixes the original, whose jsonb_set could not create the missing 'contexts' object and
-- so never recorded a context.
CREATE OR REPLACE FUNCTION increment_memory_usage(p_memory_id uuid, p_context text)
    RETURNS void
    LANGUAGE sql AS
$$
UPDATE memories
SET usage_count    = usage_count + 1,
    last_accessed  = now(),
    access_pattern = CASE
        WHEN p_context IS NULL OR p_context = '' THEN access_pattern
        ELSE jsonb_set(access_pattern, '{contexts}',
                       coalesce(access_pattern -> 'contexts', '{}'::jsonb)
                           || jsonb_build_object(p_context,
                                                 coalesce((access_pattern -> 'contexts' ->> p_context)::integer, 0) + 1))
    END
WHERE id = p_memory_id;
$$;
