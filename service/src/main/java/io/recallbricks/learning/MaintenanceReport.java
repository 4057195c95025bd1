package io.recallbricks.learning;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.serde.config.naming.SnakeCaseStrategy;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The original's maintenance-suggestions body, plus when it was computed and whether it is current. */
@Serdeable(naming = SnakeCaseStrategy.class)
@JsonInclude(JsonInclude.Include.ALWAYS)
public record MaintenanceReport(List<Duplicate> duplicates, List<Outdated> outdated, List<Archive> archiveCandidates,
                                long brokenRelationships, Summary summary, Instant computedAt, String status) {

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Duplicate(List<UUID> memoryIds, double similarity, String suggestion, List<String> texts) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Outdated(UUID id, String text, double helpfulnessScore, Integer daysSinceAccess, String suggestion) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Archive(UUID id, String text, Integer daysSinceAccess, int usageCount, String suggestion) {
    }

    @Serdeable(naming = SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Summary(int totalDuplicates, int totalOutdated, int totalArchiveCandidates, long totalBrokenRelationships) {
    }

    /** Before the first computation for a user has finished. */
    public static MaintenanceReport pending() {
        return new MaintenanceReport(List.of(), List.of(), List.of(), 0, new Summary(0, 0, 0, 0), null, "pending");
    }

    public MaintenanceReport withStatus(String newStatus) {
        return new MaintenanceReport(duplicates, outdated, archiveCandidates, brokenRelationships, summary, computedAt, newStatus);
    }
}
