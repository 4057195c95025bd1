package io.recallbricks.embedding;

/** An embedding as stored on a memory row: float32 bytes, and the model and size that produced them. */
public record StoredEmbedding(byte[] bytes, String model, int dimensions) {
}
