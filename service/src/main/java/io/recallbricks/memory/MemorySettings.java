package io.recallbricks.memory;

import io.micronaut.context.annotation.ConfigurationProperties;

/**
 * Input limits of the memory API ({@code MAX_MEMORY_TEXT_LENGTH}); the fixed ones are documented constants here.
 */
@ConfigurationProperties("recallbricks.memories")
public record MemorySettings(int maxTextLength) {

    public static final int MAX_TAGS = 50;
    public static final int MAX_TAG_LENGTH = 100;
    public static final int MAX_LABEL_LENGTH = 100;
    public static final int MAX_METADATA_BYTES = 16 * 1024;
    public static final int DEFAULT_PAGE_SIZE = 50;
    public static final int MAX_PAGE_SIZE = 1000;
}
