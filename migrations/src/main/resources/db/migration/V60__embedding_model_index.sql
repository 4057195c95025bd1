-- Re-embedding after a model change (EMBEDDING_PROVIDER or OPENAI_EMBEDDING_MODEL): the background job looks for
-- vectors of another model than the current one on every run. This index answers that as a few range scans, without
-- reading the table when nothing is stale (the usual case). Vectors of different models are never compared: the
-- service ranks only the rows of its current (embedding_model, embedding_dimensions).
CREATE INDEX IF NOT EXISTS idx_memories_embedding_model ON memories (embedding_model, embedding_dimensions)
    WHERE embedding IS NOT NULL;
