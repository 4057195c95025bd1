package io.recallbricks.memory;

import java.util.List;

/** A page of memories and the number of memories matching the query in all pages. */
public record MemoryPage(List<Memory> memories, long total) {
}
