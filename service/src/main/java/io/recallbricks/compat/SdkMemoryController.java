package io.recallbricks.compat;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Patch;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.recallbricks.auth.Caller;
import io.recallbricks.memory.IdempotencyKeys;
import io.recallbricks.memory.MemoryRequests;
import io.recallbricks.memory.MemoryService;
import io.recallbricks.memory.MemoryValidator;
import io.recallbricks.memory.MemoryView;

import java.util.UUID;

/**
 * Memory writes the SDKs make under names the original did not serve: TypeScript's {@code PATCH /memories/{id}}
 * (the same partial update as {@code PUT}) and Python's {@code POST /memories/learn}.
 */
@Controller("/api/v1/memories")
@ExecuteOn(TaskExecutors.BLOCKING)
public class SdkMemoryController {

    private final MemoryService memories;
    private final MemoryValidator validator;
    private final LearnService learning;

    public SdkMemoryController(MemoryService memories, MemoryValidator validator, LearnService learning) {
        this.memories = memories;
        this.validator = validator;
        this.learning = learning;
    }

    @Patch("/{id}")
    public MemoryView patch(Caller caller, UUID id, @Body MemoryRequests.Update request) {
        return MemoryView.of(memories.update(caller, id, validator.changes(request)));
    }

    /** 201 with the new memory and its learned metadata; 200 for a replayed {@code Idempotency-Key}. */
    @Post("/learn")
    public HttpResponse<MemoryView> learn(Caller caller, @Body SdkRequests.Learn request,
                                          @Nullable @Header(IdempotencyKeys.HEADER) String idempotencyKey) {
        return learning.learn(caller, request, IdempotencyKeys.validate(idempotencyKey)).response();
    }
}
