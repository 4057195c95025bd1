package io.recallbricks.reports.criteria;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonFormat;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.util.List;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * One row of the success-criteria table. Built from the criteria file; every rule a row must obey is checked
 * here, so a bad row is rejected while the YAML parser still knows its line.
 *
 * @param phases       phase names or roles of run.json this row judges; {@value #JUDGED} means every phase
 *                     marked {@code judged: true}. Ignored by the resilience metric.
 * @param endpoint     latency only: an endpoint tag, {@value #ALL_REQUESTS} (one histogram of every request) or
 *                     {@value #EACH_ENDPOINT} (every endpoint must meet it; the worst is reported)
 * @param samples      server_sample only: quantities to use, the first one the samples carry wins
 * @param requireOtherCriteria throughput only: the rate counts only if every other criterion judging the same
 *                     phase holds in that phase ("sustained" means sustained within the SLA)
 * @param allowedShortfallPercent throughput only: how far under the threshold the achieved rate may fall and still
 *                     pass, because an open-model phase of N/s completes slightly fewer than N·T responses in T s
 * @param optional     a row that is not measured (its data is absent) does not fail the gate
 */
public record Criterion(
        String id,
        String title,
        String description,
        Metric metric,
        Target target,
        List<String> phases,
        String endpoint,
        Double percentile,
        List<SampleQuantity> samples,
        SampleStatistic statistic,
        boolean requireOtherCriteria,
        double allowedShortfallPercent,
        boolean optional) {

    public static final String JUDGED = "judged";
    public static final String ALL_REQUESTS = "all";
    public static final String EACH_ENDPOINT = "each";

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9_-]*");

    public Criterion {
        phases = List.copyOf(phases);
        samples = List.copyOf(samples);
    }

    @JsonCreator
    static Criterion fromFile(
            @JsonProperty(value = "id", required = true) String id,
            @JsonProperty("title") String title,
            @JsonProperty("description") String description,
            @JsonProperty(value = "metric", required = true) String metric,
            @JsonProperty(value = "target", required = true) String target,
            @JsonProperty("phases") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> phases,
            @JsonProperty("endpoint") String endpoint,
            @JsonProperty("percentile") Double percentile,
            @JsonProperty("sample") @JsonFormat(with = JsonFormat.Feature.ACCEPT_SINGLE_VALUE_AS_ARRAY) List<String> sample,
            @JsonProperty("statistic") String statistic,
            @JsonProperty("requireOtherCriteria") Boolean requireOtherCriteria,
            @JsonProperty("allowedShortfallPercent") Double allowedShortfallPercent,
            @JsonProperty("optional") Boolean optional) {
        if (!ID.matcher(id).matches()) {
            throw new InvalidFieldException("id", "id '" + id + "' must be lower case letters, digits, '-' or '_'");
        }
        Metric m = field("metric", () -> Metric.fromKey(metric));
        Target t = field("target", () -> Target.parse(target));
        List<String> phaseList = phases == null || phases.isEmpty() ? List.of(JUDGED) : phases;

        boolean latency = m == Metric.LATENCY;
        if (latency && endpoint == null) {
            throw new InvalidFieldException("metric", "latency criterion '" + id
                    + "' needs 'endpoint' (an endpoint tag, 'all' or 'each')");
        }
        if (!latency && endpoint != null) {
            throw new InvalidFieldException("endpoint", "'endpoint' applies to latency criteria only");
        }
        if (latency && percentile == null) {
            throw new InvalidFieldException("metric", "latency criterion '" + id + "' needs 'percentile' (e.g. 95)");
        }
        if (!latency && percentile != null) {
            throw new InvalidFieldException("percentile", "'percentile' applies to latency criteria only");
        }
        if (percentile != null && !(percentile > 0 && percentile <= 100)) {
            throw new InvalidFieldException("percentile", "percentile must be in (0, 100], got " + percentile);
        }
        boolean serverSample = m == Metric.SERVER_SAMPLE;
        if (serverSample && sample == null) {
            throw new InvalidFieldException("metric", "server_sample criterion '" + id
                    + "' needs 'sample' (e.g. processCpu)");
        }
        if (!serverSample && sample != null) {
            throw new InvalidFieldException("sample", "'sample' applies to server_sample criteria only");
        }
        if (!serverSample && statistic != null) {
            throw new InvalidFieldException("statistic", "'statistic' applies to server_sample criteria only");
        }
        List<SampleQuantity> quantities = sample == null ? List.of()
                : field("sample", () -> sample.stream().map(SampleQuantity::fromKey).toList());
        if (quantities.stream().map(SampleQuantity::isRatio).distinct().count() > 1) {
            throw new InvalidFieldException("sample", "'sample' alternatives must all be ratios or all be counts");
        }
        SampleStatistic stat = statistic == null ? SampleStatistic.MAX
                : field("statistic", () -> SampleStatistic.fromKey(statistic));
        if (m != Metric.THROUGHPUT && (requireOtherCriteria != null || allowedShortfallPercent != null)) {
            throw new InvalidFieldException(requireOtherCriteria != null ? "requireOtherCriteria" : "allowedShortfallPercent",
                    "'requireOtherCriteria' and 'allowedShortfallPercent' apply to throughput criteria only");
        }
        double shortfall = allowedShortfallPercent == null ? 0 : allowedShortfallPercent;
        if (shortfall < 0 || shortfall >= 100) {
            throw new InvalidFieldException("allowedShortfallPercent",
                    "allowedShortfallPercent must be in [0, 100), got " + shortfall);
        }
        return new Criterion(id, title == null ? id : title, description, m, t, phaseList, endpoint, percentile,
                quantities, stat, Boolean.TRUE.equals(requireOtherCriteria), shortfall, Boolean.TRUE.equals(optional));
    }

    /** Runs a parse step, attributing its failure to {@code key} so the error names the key's line. */
    private static <T> T field(String key, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (InvalidFieldException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldException(key, e.getMessage());
        }
    }

    /** Unit of the measured value and the threshold. */
    public String unit() {
        return metric == Metric.SERVER_SAMPLE ? samples.get(0).unit() : metric.unit();
    }

    /** Whether a measured value passes, taking a throughput row's allowed shortfall into account. */
    public boolean isMetBy(double measured) {
        if (metric == Metric.THROUGHPUT && allowedShortfallPercent > 0) {
            return target.operator().holds(measured, target.threshold() * (1 - allowedShortfallPercent / 100));
        }
        return target.isMetBy(measured);
    }

    public String describeTarget() {
        return target.describe(unit());
    }
}
