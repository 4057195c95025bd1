-- Retrieval and learning: what the service needs to rank vectors correctly across instances, fill embeddings
-- the embedding API could not give at write time, and record the usage signals predict and analysis read.

-- A per-user counter moved in the same transaction as any write that changes what the vector index of that user
-- holds (a memory added, removed, re-texted, re-embedded or re-labelled). Instances keep the user's vectors in
-- memory and reuse them only while this version matches, so a write through one instance is seen by a search
-- through any other. The counter row is locked by each writer until it commits, so versions are handed out in
-- commit order: every row stamped with a version at or below a committed version is itself committed. No foreign
-- key: the counter of a deleted user is harmless, and a cascade from users must not fail on it.
CREATE TABLE IF NOT EXISTS memory_index_versions (
    user_id  uuid PRIMARY KEY,
    version  bigint NOT NULL DEFAULT 0
);

-- The version at which each memory last changed, so an instance refreshes only what changed since its copy...
ALTER TABLE memories ADD COLUMN IF NOT EXISTS index_seq bigint NOT NULL DEFAULT 0;
CREATE INDEX IF NOT EXISTS idx_memories_user_index_seq ON memories (user_id, index_seq);

-- ...and the memories deleted since, kept a day (instances drop users they have not served for hours).
CREATE TABLE IF NOT EXISTS memory_index_tombstones (
    user_id     uuid        NOT NULL,
    memory_id   uuid        NOT NULL,
    version     bigint      NOT NULL,
    deleted_at  timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX IF NOT EXISTS idx_index_tombstones_user_version ON memory_index_tombstones (user_id, version);
CREATE INDEX IF NOT EXISTS idx_index_tombstones_deleted_at ON memory_index_tombstones (deleted_at);

CREATE OR REPLACE FUNCTION next_memory_index_version(owner uuid) RETURNS bigint
    LANGUAGE sql AS
$$
INSERT INTO memory_index_versions AS v (user_id, version) VALUES (owner, 1)
ON CONFLICT (user_id) DO UPDATE SET version = v.version + 1
RETURNING version;
$$;

CREATE OR REPLACE FUNCTION stamp_memory_index_version() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    NEW.index_seq := next_memory_index_version(NEW.user_id);
    RETURN NEW;
END;
$$;

CREATE OR REPLACE FUNCTION record_memory_index_deletion() RETURNS trigger
    LANGUAGE plpgsql AS
$$
BEGIN
    INSERT INTO memory_index_tombstones (user_id, memory_id, version)
    VALUES (OLD.user_id, OLD.id, next_memory_index_version(OLD.user_id));
    RETURN NULL;
END;
$$;

DROP TRIGGER IF EXISTS trg_memories_index_version_insert ON memories;
CREATE TRIGGER trg_memories_index_version_insert BEFORE INSERT ON memories
    FOR EACH ROW EXECUTE FUNCTION stamp_memory_index_version();

-- Usage analytics (usage_count, last_accessed, helpfulness) are read fresh from the table on every request, so
-- they do not move the version.
DROP TRIGGER IF EXISTS trg_memories_index_version_update ON memories;
CREATE TRIGGER trg_memories_index_version_update BEFORE UPDATE ON memories
    FOR EACH ROW
    WHEN (OLD.text IS DISTINCT FROM NEW.text
        OR OLD.embedding IS DISTINCT FROM NEW.embedding
        OR OLD.embedding_model IS DISTINCT FROM NEW.embedding_model
        OR OLD.tags IS DISTINCT FROM NEW.tags
        OR OLD.project_id IS DISTINCT FROM NEW.project_id
        OR OLD.source IS DISTINCT FROM NEW.source)
EXECUTE FUNCTION stamp_memory_index_version();

DROP TRIGGER IF EXISTS trg_memories_index_version_delete ON memories;
CREATE TRIGGER trg_memories_index_version_delete AFTER DELETE ON memories
    FOR EACH ROW EXECUTE FUNCTION record_memory_index_deletion();

-- Embeddings the API could not give at write time are filled by a background job: a bounded number of attempts
-- per memory, spaced by a growing delay, the last error kept for the operator.
ALTER TABLE memories ADD COLUMN IF NOT EXISTS embedding_attempts integer NOT NULL DEFAULT 0;
ALTER TABLE memories ADD COLUMN IF NOT EXISTS embedding_next_attempt_at timestamptz;
ALTER TABLE memories ADD COLUMN IF NOT EXISTS embedding_error text;
CREATE INDEX IF NOT EXISTS idx_memories_embedding_pending ON memories (embedding_next_attempt_at NULLS FIRST, created_at)
    WHERE embedding IS NULL;

-- Every read of a memory, kept 30 days: the time-of-day and day-of-week patterns and the co-access pairs are
-- derived from it.
CREATE TABLE IF NOT EXISTS memory_accesses (
    user_id      uuid        NOT NULL,
    memory_id    uuid        NOT NULL,
    accessed_at  timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT fk_memory_access_memory FOREIGN KEY (memory_id, user_id)
        REFERENCES memories (id, user_id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS idx_memory_accesses_user_time ON memory_accesses (user_id, accessed_at DESC);
CREATE INDEX IF NOT EXISTS idx_memory_accesses_memory ON memory_accesses (memory_id);
CREATE INDEX IF NOT EXISTS idx_memory_accesses_time ON memory_accesses (accessed_at);

-- Memories read together (within a window, by the same user), counted in both directions so one index answers
-- "what is read with these?".
CREATE TABLE IF NOT EXISTS memory_co_access (
    user_id          uuid        NOT NULL,
    memory_id        uuid        NOT NULL,
    other_memory_id  uuid        NOT NULL,
    co_access_count  integer     NOT NULL DEFAULT 1 CHECK (co_access_count > 0),
    last_seen        timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (memory_id, other_memory_id),
    CONSTRAINT ck_co_access_not_self CHECK (memory_id <> other_memory_id),
    CONSTRAINT fk_co_access_memory FOREIGN KEY (memory_id, user_id)
        REFERENCES memories (id, user_id) ON DELETE CASCADE,
    CONSTRAINT fk_co_access_other FOREIGN KEY (other_memory_id, user_id)
        REFERENCES memories (id, user_id) ON DELETE CASCADE
);
CREATE INDEX IF NOT EXISTS idx_co_access_user_count ON memory_co_access (user_id, co_access_count DESC);
CREATE INDEX IF NOT EXISTS idx_co_access_other ON memory_co_access (other_memory_id);

-- The maintenance report of each user, computed off the request thread; the route reads one row.
CREATE TABLE IF NOT EXISTS maintenance_snapshots (
    user_id        uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
    index_version  bigint      NOT NULL,
    computed_at    timestamptz NOT NULL DEFAULT now(),
    report         jsonb       NOT NULL
);

CREATE INDEX IF NOT EXISTS idx_relationships_user_memory ON memory_relationships (user_id, memory_id);
