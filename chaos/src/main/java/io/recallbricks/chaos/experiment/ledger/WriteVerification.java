package io.recallbricks.chaos.experiment.ledger;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The write-safety count: every acknowledged write must be stored exactly once, under the id it was acknowledged
 * with, with the text, tags and metadata sent (intact); every other write must be absent or stored exactly as sent
 * (complete). Anything else is half-written (or a duplicate, which is counted as half-written too: the client sent
 * it once).
 *
 * @param unanswered writes still without an outcome (the load was stopped before their answer): neither kind
 * @param problems   a few examples of what went wrong, for the journal
 */
public record WriteVerification(long total, long acknowledged, long verifiedIntact, long lost, long unacknowledged,
                                long absent, long complete, long halfWritten, long unanswered, List<String> problems) {

    private static final int MAX_PROBLEMS = 10;

    public static WriteVerification of(Collection<WriteLedger.Entry> entries, Collection<StoredMemory> stored) {
        Map<String, List<StoredMemory>> byWriteId = stored.stream().filter(m -> m.writeId() != null)
                .collect(Collectors.groupingBy(StoredMemory::writeId));
        long acknowledged = 0, intact = 0, lost = 0, unacknowledged = 0, absent = 0, complete = 0, half = 0, unanswered = 0;
        List<String> problems = new ArrayList<>();
        for (WriteLedger.Entry e : entries) {
            List<StoredMemory> found = byWriteId.getOrDefault(e.write().writeId(), List.of());
            if (e.acknowledged() == null) {
                unanswered++;
                continue;
            }
            if (e.isAcknowledged()) {
                acknowledged++;
                if (found.size() == 1 && found.get(0).id().equals(e.memoryId()) && matches(e.write(), found.get(0))) {
                    intact++;
                } else if (found.isEmpty()) {
                    lost++;
                    note(problems, "write " + e.write().seq() + " acknowledged as " + e.memoryId() + " is missing");
                } else {
                    lost++;
                    note(problems, "write " + e.write().seq() + " acknowledged as " + e.memoryId() + " is stored "
                            + found.size() + " time(s), not intact: " + describe(found));
                }
            } else {
                unacknowledged++;
                if (found.isEmpty()) {
                    absent++;
                } else if (found.size() == 1 && matches(e.write(), found.get(0))) {
                    complete++;
                } else {
                    half++;
                    note(problems, "write " + e.write().seq() + " answered " + e.outcome() + " is stored "
                            + found.size() + " time(s), not as sent: " + describe(found));
                }
            }
        }
        return new WriteVerification(entries.size(), acknowledged, intact, lost, unacknowledged, absent, complete, half,
                unanswered, List.copyOf(problems));
    }

    /** Text, source and tags as sent, and every metadata entry sent (the service may add its own). */
    static boolean matches(Write sent, StoredMemory stored) {
        return sent.text().equals(stored.text())
                && sent.source().equals(stored.source())
                && new HashSet<>(stored.tags()).equals(new HashSet<>(sent.tags()))
                && sent.metadata().entrySet().stream()
                .allMatch(m -> m.getValue().equals(stored.metadata().get(m.getKey())));
    }

    private static String describe(List<StoredMemory> found) {
        return found.stream().map(m -> m.id() + " text=" + abbreviate(m.text()) + " tags=" + m.tags())
                .collect(Collectors.joining("; "));
    }

    private static String abbreviate(String s) {
        return s == null ? "null" : s.length() > 40 ? s.substring(0, 40) + "..." : s;
    }

    private static void note(List<String> problems, String problem) {
        if (problems.size() < MAX_PROBLEMS) {
            problems.add(problem);
        }
    }

}
