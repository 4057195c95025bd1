package io.recallbricks.learning;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DuplicatesTest {

    @Test
    void findsThePairsAnAllPairsJaccardWouldFind() {
        List<Duplicates.Text> texts = new ArrayList<>();
        java.util.Random random = new java.util.Random(42);
        String[] vocabulary = "alpha beta gamma delta epsilon zeta eta theta iota kappa lambda mu nu xi omicron pi rho".split(" ");
        for (int i = 0; i < 300; i++) {
            StringBuilder text = new StringBuilder();
            for (int w = 0; w < 8; w++) {
                text.append(vocabulary[random.nextInt(vocabulary.length)]).append(' ');
            }
            texts.add(new Duplicates.Text(UUID.randomUUID(), text.toString()));
        }
        texts.add(new Duplicates.Text(UUID.randomUUID(), texts.get(5).text() + " extra"));

        List<Duplicates.Pair> fast = Duplicates.find(texts, 0.85, 1000);

        List<Duplicates.Pair> slow = new ArrayList<>();
        for (int i = 0; i < texts.size(); i++) {
            for (int j = i + 1; j < texts.size(); j++) {
                double similarity = Duplicates.jaccard(words(texts.get(i).text()), words(texts.get(j).text()));
                if (similarity >= 0.85) {
                    slow.add(new Duplicates.Pair(texts.get(i).id(), texts.get(j).id(), similarity));
                }
            }
        }
        assertEquals(slow.size(), fast.size());
        assertEquals(slow.stream().map(p -> p.a() + ":" + p.b()).sorted().toList(),
                fast.stream().map(p -> p.a() + ":" + p.b()).sorted().toList());
    }

    private static java.util.Set<String> words(String text) {
        java.util.Set<String> words = new java.util.HashSet<>(List.of(text.toLowerCase().split("\\s+")));
        words.remove("");
        return words;
    }
}
