package io.recallbricks.memory;

import io.micronaut.http.HttpResponse;
import io.recallbricks.auth.Caller;
import io.recallbricks.web.ApiException;
import io.recallbricks.web.ErrorCode;
import jakarta.inject.Singleton;

import java.security.MessageDigest;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Memory creation under an {@code Idempotency-Key}: the first request with a key creates the memory; a retry with
 * the same key and the same body, while the key lives, gets that memory back ({@code replayed}); the same key with
 * another body is refused with {@code IDEMPOTENCY_KEY_REUSED} (422). Keys are per tenant.
 */
@Singleton
public class IdempotentCreation {

    /** A created or replayed memory. */
    public record Created(Memory memory, boolean replayed) {

        /** 201 with the new memory, or 200 with {@code Idempotent-Replayed: true} for a replay. */
        public HttpResponse<MemoryView> response() {
            MemoryView view = MemoryView.of(memory);
            return replayed
                    ? HttpResponse.ok(view).header(IdempotencyKeys.REPLAYED_HEADER, "true")
                    : HttpResponse.created(view);
        }
    }

    private final MemoryService memories;
    private final MemoryRepository repository;
    private final IdempotencyKeyRepository keys;
    private final IdempotentInsert insert;
    private final JsonColumns json;
    private final Duration ttl;

    public IdempotentCreation(MemoryService memories, MemoryRepository repository, IdempotencyKeyRepository keys,
                              IdempotentInsert insert, JsonColumns json, IdempotencySettings settings) {
        this.memories = memories;
        this.repository = repository;
        this.keys = keys;
        this.insert = insert;
        this.json = json;
        this.ttl = Duration.ofHours(settings.ttlHours());
    }

    /** Creates the memory, at most once per key; without a key (null) every call creates one. */
    public Created create(Caller caller, MemoryDraft draft, String idempotencyKey) {
        if (idempotencyKey == null) {
            return new Created(memories.create(caller, draft), false);
        }
        UUID userId = caller.userId();
        byte[] fingerprint = IdempotencyKeys.fingerprint(draft, json);
        Optional<Memory> earlier = replay(userId, idempotencyKey, fingerprint);
        if (earlier.isPresent()) {
            return new Created(earlier.get(), true);
        }
        // The embedding call stays outside the transaction: it may take seconds and must not hold a connection.
        Optional<Memory> created = insert.insert(userId, idempotencyKey, fingerprint, ttl, draft, memories.embed(draft.text()));
        if (created.isPresent()) {
            return new Created(created.get(), false);
        }
        // A concurrent request with the same key committed first: answer with its memory.
        return new Created(replay(userId, idempotencyKey, fingerprint).orElseThrow(() -> new ApiException(ErrorCode.CONFLICT,
                "A request with this Idempotency-Key is being processed; retry shortly.")), true);
    }

    private Optional<Memory> replay(UUID userId, String key, byte[] fingerprint) {
        Optional<IdempotencyKeyRepository.StoredKey> stored = keys.find(userId, key);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        if (!MessageDigest.isEqual(stored.get().requestHash(), fingerprint)) {
            throw new ApiException(ErrorCode.IDEMPOTENCY_KEY_REUSED,
                    "This Idempotency-Key was already used with a different request body; use a new key for a new memory.",
                    Map.of("header", IdempotencyKeys.HEADER));
        }
        return Optional.ofNullable(stored.get().memoryId()).flatMap(id -> repository.find(userId, id));
    }
}
