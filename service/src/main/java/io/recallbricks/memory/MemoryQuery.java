package io.recallbricks.memory;

import java.util.List;

/** One page of a tenant's memories, newest first, optionally filtered. Tags match when a memory has all of them. */
public record MemoryQuery(List<String> tags, String source, String projectId, int limit, int offset) {
}
