package io.recallbricks.retrieval;

import io.micronaut.serde.annotation.Serdeable;

/** How a retrieval ranked: what each response reports as {@code search_method}. */
@Serdeable
public enum SearchMethod {
    /** Vector similarity and full-text rank together. */
    hybrid,
    /** Vector similarity only (the query has no searchable words). */
    vector,
    /** Full-text rank only: keyword-only mode, or the embedding API unavailable, slow or broken. */
    keyword
}
