package io.recallbricks.reports.criteria;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * When a difference from the previous run counts as a regression: worse by more than {@code tolerancePercent} of
 * the previous value <em>and</em> by more than the unit's absolute floor (ms, percentage points, rps, count), so
 * that sub-millisecond jitter on a fast endpoint is not flagged.
 */
public record ComparisonSettings(double tolerancePercent, double floorMs, double floorPercentPoints,
                                 double floorRps, double floorCount) {

    public static final ComparisonSettings DEFAULT = new ComparisonSettings(10, 2, 0.1, 2, 1);

    @JsonCreator
    static ComparisonSettings fromFile(@JsonProperty("tolerancePercent") Double tolerancePercent,
                                       @JsonProperty("floorMs") Double floorMs,
                                       @JsonProperty("floorPercentPoints") Double floorPercentPoints,
                                       @JsonProperty("floorRps") Double floorRps,
                                       @JsonProperty("floorCount") Double floorCount) {
        ComparisonSettings s = new ComparisonSettings(
                or(tolerancePercent, DEFAULT.tolerancePercent), or(floorMs, DEFAULT.floorMs),
                or(floorPercentPoints, DEFAULT.floorPercentPoints), or(floorRps, DEFAULT.floorRps),
                or(floorCount, DEFAULT.floorCount));
        if (s.tolerancePercent < 0 || s.floorMs < 0 || s.floorPercentPoints < 0 || s.floorRps < 0 || s.floorCount < 0) {
            throw new IllegalArgumentException("comparison tolerances must not be negative");
        }
        return s;
    }

    /** The absolute floor for a value in {@code unit}. */
    public double floorFor(String unit) {
        return switch (unit) {
            case "ms" -> floorMs;
            case "%" -> floorPercentPoints;
            case "rps" -> floorRps;
            default -> floorCount;
        };
    }

    private static double or(Double value, double fallback) {
        return value == null ? fallback : value;
    }
}
