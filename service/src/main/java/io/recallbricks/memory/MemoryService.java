package io.recallbricks.memory;

import io.recallbricks.auth.Caller;
import io.recallbricks.web.ApiException;
import jakarta.inject.Singleton;

import java.util.UUID;

/** The memory lifecycle of one tenant: create, read (which counts as a use), list, update, delete. */
@Singleton
public class MemoryService {

    private final MemoryRepository memories;

    public MemoryService(MemoryRepository memories) {
        this.memories = memories;
    }

    public Memory create(Caller caller, MemoryDraft draft) {
        return memories.insert(caller.userId(), draft);
    }

    /** Reading a memory is a use of it: it counts towards its usage analytics, in the given context if any. */
    public Memory read(Caller caller, UUID id, String context) {
        return memories.recordAccess(caller.userId(), id, context).orElseThrow(MemoryService::notFound);
    }

    public int relationshipCount(Caller caller, UUID id) {
        return memories.countRelationships(caller.userId(), id);
    }

    public MemoryPage list(Caller caller, MemoryQuery query) {
        return memories.page(caller.userId(), query);
    }

    public Memory update(Caller caller, UUID id, MemoryChanges changes) {
        return memories.update(caller.userId(), id, changes).orElseThrow(MemoryService::notFound);
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
