package io.recallbricks.memory;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;
import io.micronaut.validation.Validated;
import io.recallbricks.auth.Caller;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The memories CRUD routes of the RecallBricks v2 contract. */
@Controller("/api/v1/memories")
@ExecuteOn(TaskExecutors.BLOCKING)
@Validated
public class MemoryController {

    /**
     * A page of memories. {@code count} is the page's size (the original's field), {@code total} all matches. An
     * empty page still has {@code memories: []}: clients (the TypeScript SDK among them) iterate it unchecked.
     */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record MemoryList(List<MemoryView> memories, int count, long total, int limit, int offset, boolean hasMore) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    public record Deleted(boolean success, String message, UUID id) {
    }

    private final MemoryService memories;
    private final MemoryValidator validator;
    private final IdempotentCreation creation;

    public MemoryController(MemoryService memories, MemoryValidator validator, IdempotentCreation creation) {
        this.memories = memories;
        this.validator = validator;
        this.creation = creation;
    }

    /**
     * 201 with the new memory. With an {@code Idempotency-Key} header, a retry of the same request answers 200 with
     * the memory the first attempt created and {@code Idempotent-Replayed: true}, instead of storing a duplicate.
     */
    @Post
    public HttpResponse<MemoryView> create(Caller caller, @Body MemoryRequests.Create request,
                                           @Nullable @Header(IdempotencyKeys.HEADER) String idempotencyKey) {
        return creation.create(caller, validator.draft(caller, request), IdempotencyKeys.validate(idempotencyKey))
                .response();
    }

    @Get
    public MemoryList list(Caller caller,
                           @Nullable @QueryValue @Min(1) @Max(MemorySettings.MAX_PAGE_SIZE) Integer limit,
                           @Nullable @QueryValue @Min(0) @Max(1_000_000) Integer offset,
                           @Nullable @QueryValue @Size(max = 2000) String tags,
                           @Nullable @QueryValue @Size(max = MemorySettings.MAX_LABEL_LENGTH) String source,
                           @Nullable @QueryValue("project_id") @Size(max = MemorySettings.MAX_LABEL_LENGTH) String projectId,
                           @Nullable @QueryValue @Size(max = 10) String sort,
                           @Nullable @QueryValue("sortBy") @Size(max = 50) String sortBy) {
        int pageSize = limit == null ? MemorySettings.DEFAULT_PAGE_SIZE : limit;
        int skip = offset == null ? 0 : offset;
        MemoryPage page = memories.list(caller, new MemoryQuery(validator.tagFilter(tags), blankToNull(source),
                blankToNull(projectId), pageSize, skip, MemoryOrder.of(sort, sortBy)));
        List<MemoryView> views = page.memories().stream().map(MemoryView::of).toList();
        return new MemoryList(views, views.size(), page.total(), pageSize, skip, skip + views.size() < page.total());
    }

    @Get("/{id}")
    public MemoryView get(Caller caller, UUID id, @Nullable @QueryValue @Size(max = 200) String context) {
        Memory memory = memories.read(caller, id, blankToNull(context));
        Instant now = Instant.now();
        return MemoryView.of(memory, new MemoryView.LearningMetadata(
                MemoryAnalytics.accessFrequency(memory.usageCount()),
                MemoryAnalytics.recencyScore(memory.lastAccessed(), now),
                MemoryAnalytics.daysSinceAccess(memory.lastAccessed(), now),
                memories.relationshipCount(caller, id)));
    }

    @Put("/{id}")
    public MemoryView update(Caller caller, UUID id, @Body MemoryRequests.Update request) {
        return MemoryView.of(memories.update(caller, id, validator.changes(request)));
    }

    @Delete("/{id}")
    public Deleted delete(Caller caller, UUID id) {
        memories.delete(caller, id);
        return new Deleted(true, "Memory deleted successfully.", id);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
