package io.recallbricks.chaos.experiment.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Every write of an experiment and its outcome: acknowledged (2xx, with the id the service gave), or not (an error
 * status, a timeout, a cut connection). Afterwards {@link WriteVerification} compares it with what the service holds.
 */
public final class WriteLedger {

    private static final String[] TOPICS = {
            "rotate the postgresql password before the quarterly audit",
            "redis cache eviction policy for the session store",
            "kubernetes pod restarts after the memory limit change",
            "customer asked for invoices in euros from january",
            "deploy the billing service behind the new load balancer",
            "the nightly backup job must finish before six",
    };

    private final String source;
    private final AtomicLong seq = new AtomicLong();
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public WriteLedger(String source) {
        this.source = source;
    }

    public String source() {
        return source;
    }

    /** A new write with a unique id, recorded as submitted (no outcome yet). */
    public Write next(long submittedAtMs) {
        long n = seq.incrementAndGet();
        String writeId = UUID.randomUUID().toString();
        String text = "Note " + n + " (" + writeId.substring(0, 8) + "): " + TOPICS[(int) (n % TOPICS.length)];
        Write write = new Write(writeId, n, source, text, List.of("chaos", "seq-" + n),
                Map.of(Write.WRITE_ID_KEY, writeId, "seq", Long.toString(n)));
        entries.put(writeId, new Entry(write, submittedAtMs, null, null, null, false, 0));
        return write;
    }

    public void acknowledged(Write write, String memoryId, boolean hasEmbedding, int status, long atMs) {
        entries.computeIfPresent(write.writeId(),
                (id, e) -> new Entry(e.write(), e.submittedAtMs(), Boolean.TRUE, memoryId, Integer.toString(status),
                        hasEmbedding, atMs));
    }

    /** {@code outcome}: the status, or {@code timeout}/{@code connection}. */
    public void notAcknowledged(Write write, String outcome, long atMs) {
        entries.computeIfPresent(write.writeId(),
                (id, e) -> new Entry(e.write(), e.submittedAtMs(), Boolean.FALSE, null, outcome, false, atMs));
    }

    public List<Entry> entries() {
        return new ArrayList<>(entries.values());
    }

    public Optional<Entry> entry(String writeId) {
        return Optional.ofNullable(entries.get(writeId));
    }

    /**
     * @param acknowledged null while the answer is still awaited
     * @param hasEmbedding what the acknowledgement said ({@code has_embedding}) at write time
     */
    public record Entry(Write write, long submittedAtMs, Boolean acknowledged, String memoryId, String outcome,
                        boolean hasEmbedding, long answeredAtMs) {
        public boolean isAcknowledged() {
            return Boolean.TRUE.equals(acknowledged);
        }
    }
}
