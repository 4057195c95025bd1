package io.recallbricks.memory;

import io.micronaut.core.annotation.Nullable;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Request bodies of the memory routes, with the original's field names. An unknown field is a 400 (a typo such as
 * "txet" would otherwise be silently dropped). Fields are checked by
 * {@link MemoryValidator}, which knows the configured limits.
 */
public final class MemoryRequests {

    private MemoryRequests() {
    }

    /**
     * {@code POST /api/v1/memories}. {@code user_id}, {@code agent_id} and {@code timestamp} are accepted because the
     * official SDKs send them; a user_id must be the caller's own, and the TypeScript SDK's {@code timestamp} (when
     * the remembered thing happened, ISO-8601) is kept as {@code metadata.timestamp}.
     */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Create(@Nullable String text,
                         @Nullable String source,
                         @Nullable String projectId,
                         @Nullable List<String> tags,
                         @Nullable Map<String, Object> metadata,
                         @Nullable UUID userId,
                         @Nullable UUID agentId,
                         @Nullable String timestamp) {
    }

    /** {@code PUT /api/v1/memories/{id}}: every field optional, at least one present. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonIgnoreProperties(ignoreUnknown = false)
    public record Update(@Nullable String text,
                         @Nullable String source,
                         @Nullable String projectId,
                         @Nullable List<String> tags,
                         @Nullable Map<String, Object> metadata) {
    }
}
