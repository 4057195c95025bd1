package io.recallbricks.reports.evaluation;

import io.recallbricks.reports.criteria.Criterion;
import io.recallbricks.reports.run.RunInfo;
import io.recallbricks.reports.run.RunResults;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Resolves a criterion's {@code phases} to phase names of a run: {@code judged} is every phase run.json marks
 * judged; any other word matches a phase's name or its role (run.json), or a phase folder's name.
 */
final class PhaseSelector {
    private PhaseSelector() {
    }

    static List<String> select(Criterion criterion, RunResults run) {
        Set<String> names = new LinkedHashSet<>();
        for (String selector : criterion.phases()) {
            if (selector.equals(Criterion.JUDGED)) {
                run.info().phases().stream().filter(RunInfo.Phase::judged).map(RunInfo.Phase::name).forEach(names::add);
                continue;
            }
            for (RunInfo.Phase p : run.info().phases()) {
                if (selector.equals(p.name()) || selector.equals(p.role())) {
                    names.add(p.name());
                }
            }
            if (run.phases().containsKey(selector)) {
                names.add(selector);
            }
        }
        return List.copyOf(names);
    }
}
