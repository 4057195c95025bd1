package io.recallbricks.reports.criteria;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The success criteria a run is judged against, as read from a versioned criteria file.
 *
 * @param version    the file's version, bumped by whoever changes a threshold; printed in every report
 * @param comparison how the comparison with the previous run flags regressions
 * @param criteria   the rows, in the order the reports show them
 */
public record Criteria(String version, ComparisonSettings comparison, List<Criterion> criteria) {

    public Criteria {
        criteria = List.copyOf(criteria);
    }

    @JsonCreator
    static Criteria fromFile(@JsonProperty(value = "version", required = true) String version,
                             @JsonProperty("comparison") ComparisonSettings comparison,
                             @JsonProperty(value = "criteria", required = true) List<Criterion> criteria) {
        if (version.isBlank()) {
            throw new IllegalArgumentException("'version' must not be empty");
        }
        if (criteria.isEmpty()) {
            throw new IllegalArgumentException("'criteria' must list at least one criterion");
        }
        Set<String> ids = new HashSet<>();
        for (Criterion c : criteria) {
            if (c == null) {
                throw new IllegalArgumentException("'criteria' has an empty entry");
            }
            if (!ids.add(c.id())) {
                throw new IllegalArgumentException("criterion id '" + c.id() + "' appears twice");
            }
        }
        return new Criteria(version, comparison == null ? ComparisonSettings.DEFAULT : comparison, criteria);
    }

    /** The criteria shipped in this module (the deployment guide's table). */
    public static Criteria defaults() {
        return CriteriaLoader.loadDefaults();
    }

    /** Reads a criteria file; a bad file raises {@link CriteriaException} naming the line. */
    public static Criteria load(Path file) {
        return CriteriaLoader.load(file);
    }

    public Criterion byId(String id) {
        return criteria.stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }
}
