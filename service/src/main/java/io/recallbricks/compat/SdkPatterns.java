package io.recallbricks.compat;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The TypeScript SDK's {@code PatternAnalysis}, for {@code GET /analytics/patterns?days=}. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record SdkPatterns(List<FrequentlyAccessed> frequentlyAccessed, List<CoAccess> coAccessPatterns,
                          List<Temporal> temporalPatterns, int days) {

    /** A memory read {@code access_count} times in the window. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record FrequentlyAccessed(UUID memoryId, long accessCount, Instant lastAccessed) {
    }

    /** Two memories read together {@code frequency} times; {@code strength} is relative to the strongest pair. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record CoAccess(List<UUID> memoryIds, int frequency, double strength) {
    }

    /** The memories read in one part of the day (UTC), most read first, and how many reads that part had. */
    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Temporal(String timePeriod, List<UUID> memoryIds, long frequency) {
    }
}
