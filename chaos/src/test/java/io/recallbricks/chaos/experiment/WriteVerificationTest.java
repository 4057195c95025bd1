package io.recallbricks.chaos.experiment;

import io.recallbricks.chaos.experiment.ledger.StoredMemory;
import io.recallbricks.chaos.experiment.ledger.Write;
import io.recallbricks.chaos.experiment.ledger.WriteLedger;
import io.recallbricks.chaos.experiment.ledger.WriteVerification;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WriteVerificationTest {

    private final WriteLedger ledger = new WriteLedger("chaos-test");
    private final List<StoredMemory> stored = new ArrayList<>();

    private static StoredMemory asStored(String id, Write w) {
        return new StoredMemory(id, w.source(), w.text(), w.tags(), w.metadata(), true);
    }

    @Test
    void everyWriteIsNumberedWithAUniqueIdThatTravelsInItsMetadata() {
        Write a = ledger.next(0);
        Write b = ledger.next(0);
        assertNotEquals(a.writeId(), b.writeId());
        assertEquals(a.writeId(), a.metadata().get(Write.WRITE_ID_KEY));
        assertEquals(2, b.seq());
        assertTrue(a.body(new com.fasterxml.jackson.databind.ObjectMapper()).path("metadata")
                .path(Write.WRITE_ID_KEY).asText().equals(a.writeId()));
        assertEquals(2, ledger.entries().size());
        assertTrue(ledger.entries().stream().allMatch(e -> e.acknowledged() == null));
    }

    @Test
    void acknowledgedAndStoredAsSentIsIntact() {
        Write w = ledger.next(0);
        ledger.acknowledged(w, "m1", true, 201, 1);
        stored.add(asStored("m1", w));
        WriteVerification v = WriteVerification.of(ledger.entries(), stored);
        assertEquals(1, v.acknowledged());
        assertEquals(1, v.verifiedIntact());
        assertEquals(0, v.lost());
        assertTrue(v.problems().isEmpty());
    }

    @Test
    void acknowledgedButMissingIsLost() {
        Write w = ledger.next(0);
        ledger.acknowledged(w, "m1", true, 201, 1);
        WriteVerification v = WriteVerification.of(ledger.entries(), stored);
        assertEquals(1, v.lost());
        assertEquals(0, v.verifiedIntact());
        assertTrue(v.problems().get(0).contains("missing"), v.problems().toString());
    }

    @Test
    void acknowledgedButAlteredOrUnderAnotherIdIsNotIntact() {
        Write altered = ledger.next(0);
        ledger.acknowledged(altered, "m1", true, 201, 1);
        stored.add(new StoredMemory("m1", altered.source(), altered.text() + " (truncated?)", altered.tags(),
                altered.metadata(), true));
        Write moved = ledger.next(0);
        ledger.acknowledged(moved, "m2", true, 201, 1);
        stored.add(asStored("m3", moved));
        WriteVerification v = WriteVerification.of(ledger.entries(), stored);
        assertEquals(2, v.acknowledged());
        assertEquals(0, v.verifiedIntact());
        assertEquals(2, v.lost());
    }

    @Test
    void acknowledgedWriteStoredTwiceIsNotIntact() {
        Write w = ledger.next(0);
        ledger.acknowledged(w, "m1", true, 201, 1);
        stored.add(asStored("m1", w));
        stored.add(asStored("m2", w));
        assertEquals(1, WriteVerification.of(ledger.entries(), stored).lost());
    }

    @Test
    void unacknowledgedWritesMayBeAbsentOrCompleteButNeverHalfWritten() {
        Write absent = ledger.next(0);
        ledger.notAcknowledged(absent, "503", 1);
        Write complete = ledger.next(0);
        ledger.notAcknowledged(complete, "timeout", 1);
        stored.add(asStored("c", complete));
        Write half = ledger.next(0);
        ledger.notAcknowledged(half, "connection", 1);
        stored.add(new StoredMemory("h", half.source(), half.text(), List.of("chaos"), half.metadata(), false));
        WriteVerification v = WriteVerification.of(ledger.entries(), stored);
        assertEquals(3, v.unacknowledged());
        assertEquals(1, v.absent());
        assertEquals(1, v.complete());
        assertEquals(1, v.halfWritten());
        assertTrue(v.problems().get(0).contains("connection"), v.problems().toString());
    }

    @Test
    void metadataTheServiceAddsIsAllowedButMetadataSentMustBeThere() {
        Write w = ledger.next(0);
        ledger.acknowledged(w, "m1", true, 201, 1);
        Map<String, String> more = new java.util.HashMap<>(w.metadata());
        more.put("added_by_service", "x");
        stored.add(new StoredMemory("m1", w.source(), w.text(), w.tags(), more, true));
        assertEquals(1, WriteVerification.of(ledger.entries(), stored).verifiedIntact());

        WriteLedger other = new WriteLedger("chaos-test");
        Write v = other.next(0);
        other.acknowledged(v, "m9", true, 201, 1);
        Map<String, String> less = new java.util.HashMap<>(v.metadata());
        less.remove("seq");
        assertFalse(WriteVerification.of(other.entries(),
                List.of(new StoredMemory("m9", v.source(), v.text(), v.tags(), less, true))).verifiedIntact() == 1);
    }

    @Test
    void writesStillInFlightAreCountedApart() {
        ledger.next(0);
        WriteVerification v = WriteVerification.of(ledger.entries(), stored);
        assertEquals(1, v.unanswered());
        assertEquals(0, v.acknowledged() + v.unacknowledged());
    }
}
