package io.recallbricks.memory;

import io.micronaut.transaction.annotation.Transactional;
import io.recallbricks.embedding.StoredEmbedding;
import io.recallbricks.resilience.DatabaseGuarded;
import jakarta.inject.Singleton;

import java.time.Duration;
import java.util.Optional;
import java.util.UUID;

/** Claims an idempotency key and inserts its memory in one transaction: both are stored, or neither. */
@Singleton
@DatabaseGuarded
public class IdempotentInsert {

    private final IdempotencyKeyRepository keys;
    private final MemoryRepository memories;

    public IdempotentInsert(IdempotencyKeyRepository keys, MemoryRepository memories) {
        this.keys = keys;
        this.memories = memories;
    }

    /** The new memory, or empty when another request holds the key (nothing is written then). */
    @Transactional
    public Optional<Memory> insert(UUID userId, String key, byte[] requestHash, Duration ttl, MemoryDraft draft,
                                   StoredEmbedding embedding) {
        if (!keys.claim(userId, key, requestHash, ttl)) {
            return Optional.empty();
        }
        Memory memory = memories.insert(userId, draft, embedding);
        keys.attach(userId, key, memory.id());
        return Optional.of(memory);
    }
}
