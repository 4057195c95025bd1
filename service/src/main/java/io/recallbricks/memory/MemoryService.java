package io.recallbricks.memory;

import io.recallbricks.auth.Caller;
import io.recallbricks.embedding.Embedder;
import io.recallbricks.embedding.StoredEmbedding;
import io.recallbricks.embedding.Vectors;
import io.recallbricks.learning.AccessRecorder;
import io.recallbricks.web.ApiException;
import jakarta.inject.Singleton;

import java.util.UUID;

/** The memory lifecycle of one tenant: create, read (which counts as a use), list, update, delete. */
@Singleton
public class MemoryService {

    private final MemoryRepository memories;
    private final Embedder embedder;
    private final AccessRecorder accesses;

    public MemoryService(MemoryRepository memories, Embedder embedder, AccessRecorder accesses) {
        this.memories = memories;
        this.embedder = embedder;
        this.accesses = accesses;
    }

    /**
     * Stores the memory with its embedding when the API gives one within the write budget; otherwise stores it
     * without and acknowledges anyway ({@code has_embedding: false}): the backfill job embeds it later.
     */
    public Memory create(Caller caller, MemoryDraft draft) {
        return memories.insert(caller.userId(), draft, embed(draft.text()));
    }

    /**
     * Reading a memory is a use of it: it counts towards its usage analytics (in the given context if any), its
     * time-of-day pattern, and its co-access with the other memories the caller read recently.
     */
    public Memory read(Caller caller, UUID id, String context) {
        Memory memory = memories.recordAccess(caller.userId(), id, context).orElseThrow(MemoryService::notFound);
        accesses.record(caller.userId(), id);
        return memory;
    }

    public int relationshipCount(Caller caller, UUID id) {
        return memories.countRelationships(caller.userId(), id);
    }

    public MemoryPage list(Caller caller, MemoryQuery query) {
        return memories.page(caller.userId(), query);
    }

    public Memory update(Caller caller, UUID id, MemoryChanges changes) {
        StoredEmbedding embedding = changes.text() == null ? null : embed(changes.text());
        return memories.update(caller.userId(), id, changes, embedding).orElseThrow(MemoryService::notFound);
    }

    /** The embedding to store with a text, or null when the API gave none within the write budget. */
    StoredEmbedding embed(String text) {
        return embedder.forWrite(text)
                .map(vector -> new StoredEmbedding(Vectors.toBytes(vector), embedder.model(), embedder.dimensions()))
                .orElse(null);
    }

    public void delete(Caller caller, UUID id) {
        if (!memories.delete(caller.userId(), id)) {
            throw notFound();
        }
    }

    private static ApiException notFound() {
        return ApiException.notFound("Memory");
    }
}
