-- Core schema: tenants, their API keys, their memories and the relationships between memories.
--
-- Every tenant-owned row carries user_id, and every query filters on it: PostgreSQL is the only source of
-- truth and tenant isolation is enforced by the service on every statement (and, for relationships, by the
-- foreign keys below, which make a cross-tenant edge impossible to store).

CREATE TABLE IF NOT EXISTS users (
    id          uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    name        text        NOT NULL CHECK (length(name) BETWEEN 1 AND 200),
    email       text UNIQUE CHECK (email IS NULL OR length(email) <= 320),
    plan        text        NOT NULL DEFAULT 'free' CHECK (plan IN ('free', 'pro', 'team', 'enterprise')),
    metadata    jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_at  timestamptz NOT NULL DEFAULT now(),
    updated_at  timestamptz NOT NULL DEFAULT now()
);

-- API keys are random 256-bit secrets, so a single SHA-256 is the right hash (a slow password hash buys
-- nothing against a brute force of 2^256 and would cost every request). Only the hash is stored; the prefix
-- lets people recognise a key in listings without revealing it.
CREATE TABLE IF NOT EXISTS api_keys (
    id            uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id       uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    name          text        CHECK (name IS NULL OR length(name) <= 200),
    key_prefix    text        NOT NULL,
    key_hash      bytea       NOT NULL UNIQUE CHECK (length(key_hash) = 32),
    created_at    timestamptz NOT NULL DEFAULT now(),
    -- Written in batches by the service (at most once a minute per key), never on every request.
    last_used_at  timestamptz,
    -- A key stops working at revoked_at; a rotation sets it in the future to leave a grace period.
    revoked_at    timestamptz
);
CREATE INDEX IF NOT EXISTS idx_api_keys_user ON api_keys (user_id);

CREATE TABLE IF NOT EXISTS memories (
    id                   uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id              uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    text                 text        NOT NULL CHECK (length(text) > 0),
    source               text        NOT NULL DEFAULT 'api',
    project_id           text        NOT NULL DEFAULT 'default',
    tags                 text[]      NOT NULL DEFAULT '{}',
    metadata             jsonb       NOT NULL DEFAULT '{}'::jsonb,
    -- Room for the embedding: pgvector is not available on every PostgreSQL this runs on, so vectors are
    -- stored as little-endian float32 bytes and ranked in the service.
    embedding            bytea,
    embedding_model      text,
    embedding_dimensions integer CHECK (embedding_dimensions IS NULL OR embedding_dimensions > 0),
    text_search          tsvector GENERATED ALWAYS AS (to_tsvector('english', text)) STORED,
    -- Usage analytics read by search weighting, predict, suggest and maintenance.
    usage_count          integer     NOT NULL DEFAULT 0 CONSTRAINT check_usage_count_non_negative CHECK (usage_count >= 0),
    last_accessed        timestamptz,
    helpfulness_score    double precision NOT NULL DEFAULT 0.5
                         CONSTRAINT check_helpfulness_score_range CHECK (helpfulness_score BETWEEN 0 AND 1),
    access_pattern       jsonb       NOT NULL DEFAULT '{}'::jsonb,
    created_at           timestamptz NOT NULL DEFAULT now(),
    updated_at           timestamptz NOT NULL DEFAULT now(),
    -- Target of the composite foreign keys that keep relationships inside one tenant.
    CONSTRAINT uq_memories_id_user UNIQUE (id, user_id)
);
CREATE INDEX IF NOT EXISTS idx_memories_user_created ON memories (user_id, created_at DESC, id DESC);
CREATE INDEX IF NOT EXISTS idx_memories_text_search ON memories USING gin (text_search);
CREATE INDEX IF NOT EXISTS idx_memories_tags ON memories USING gin (tags);
CREATE INDEX IF NOT EXISTS idx_memories_user_project ON memories (user_id, project_id);
CREATE INDEX IF NOT EXISTS idx_memories_user_source ON memories (user_id, source);
CREATE INDEX IF NOT EXISTS idx_memories_user_last_accessed ON memories (user_id, last_accessed DESC)
    WHERE last_accessed IS NOT NULL;
CREATE INDEX IF NOT EXISTS idx_memories_user_usage_helpfulness ON memories (user_id, usage_count DESC, helpfulness_score DESC);

-- Keeps updated_at true whatever path writes the row.
CREATE OR REPLACE FUNCTION touch_updated_at() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    NEW.updated_at := now();
    RETURN NEW;
END;
$$;

DROP TRIGGER IF EXISTS trg_users_updated_at ON users;
CREATE TRIGGER trg_users_updated_at BEFORE UPDATE ON users
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

-- Only content changes move updated_at: usage tracking (usage_count, last_accessed, access_pattern) and
-- feedback are analytics, not edits.
DROP TRIGGER IF EXISTS trg_memories_updated_at ON memories;
CREATE TRIGGER trg_memories_updated_at BEFORE UPDATE OF text, source, project_id, tags, metadata ON memories
    FOR EACH ROW EXECUTE FUNCTION touch_updated_at();

CREATE TABLE IF NOT EXISTS memory_relationships (
    id                 uuid PRIMARY KEY DEFAULT gen_random_uuid(),
    user_id            uuid        NOT NULL,
    memory_id          uuid        NOT NULL,
    related_memory_id  uuid        NOT NULL,
    relationship_type  text        NOT NULL
                       CHECK (relationship_type IN ('related_to', 'caused_by', 'similar_to', 'follows', 'contradicts')),
    strength           numeric(3, 2) NOT NULL DEFAULT 0.5 CHECK (strength BETWEEN 0 AND 1),
    explanation        text        CHECK (explanation IS NULL OR length(explanation) <= 500),
    -- Who made the edge: a client's explicit request or one of the analysis jobs.
    origin             text        NOT NULL DEFAULT 'explicit'
                       CHECK (origin IN ('explicit', 'co_access', 'shared_tags', 'similarity')),
    created_at         timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT uq_relationship_pair UNIQUE (memory_id, related_memory_id),
    CONSTRAINT ck_relationship_not_self CHECK (memory_id <> related_memory_id),
    CONSTRAINT fk_relationship_memory FOREIGN KEY (memory_id, user_id)
        REFERENCES memories (id, user_id) ON DELETE CASCADE,
    CONSTRAINT fk_relationship_related FOREIGN KEY (related_memory_id, user_id)
        REFERENCES memories (id, user_id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS idx_relationships_related ON memory_relationships (related_memory_id);
CREATE INDEX IF NOT EXISTS idx_relationships_user ON memory_relationships (user_id);
CREATE INDEX IF NOT EXISTS idx_relationships_memory_strength ON memory_relationships (memory_id, strength DESC);
