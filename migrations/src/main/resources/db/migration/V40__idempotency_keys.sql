-- Idempotent memory creation. Both official SDKs retry a POST after a 5xx or a timeout, and the first attempt may
-- already have committed; a client that sends an Idempotency-Key header gets the memory of its first attempt
-- back instead of a duplicate. The key row is written in the same transaction as the memory, so a key never
-- points at a memory that was not stored, and a stored memory created with a key always has its key row.
CREATE TABLE IF NOT EXISTS memory_idempotency_keys (
    user_id          uuid        NOT NULL REFERENCES users (id) ON DELETE CASCADE,
    idempotency_key  text        NOT NULL CHECK (length(idempotency_key) BETWEEN 1 AND 255),
    -- SHA-256 of the canonical request: the same key with another body is refused, not silently replayed.
    request_hash     bytea       NOT NULL CHECK (length(request_hash) = 32),
    -- Set in the claiming transaction right after the insert; deleting the memory frees its key.
    memory_id        uuid        REFERENCES memories (id) ON DELETE CASCADE,
    created_at       timestamptz NOT NULL DEFAULT now(),
    expires_at       timestamptz NOT NULL,
    PRIMARY KEY (user_id, idempotency_key)
);
CREATE INDEX IF NOT EXISTS idx_memory_idempotency_keys_expiry ON memory_idempotency_keys (expires_at);
CREATE INDEX IF NOT EXISTS idx_memory_idempotency_keys_memory ON memory_idempotency_keys (memory_id);
