package io.recallbricks.memory;

import java.util.List;

/** One page of a tenant's memories, in an order, optionally filtered. Tags match when a memory has all of them. */
public record MemoryQuery(List<String> tags, String source, String projectId, int limit, int offset, MemoryOrder order) {
}
