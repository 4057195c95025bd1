package io.recallbricks.chaos.experiment.load;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Predicate;

/** Every response of the load, appended from the HTTP client's threads. */
public final class ResponseLog {

    private final ConcurrentLinkedQueue<ResponseRecord> records = new ConcurrentLinkedQueue<>();

    public void add(ResponseRecord record) {
        records.add(record);
    }

    public List<ResponseRecord> snapshot() {
        return new ArrayList<>(records);
    }

    public List<ResponseRecord> startedBetween(long fromMs, long toMs) {
        return filter(r -> r.startMs() >= fromMs && r.startMs() < toMs);
    }

    public List<ResponseRecord> filter(Predicate<ResponseRecord> predicate) {
        return records.stream().filter(predicate).toList();
    }
}
