package io.recallbricks.quality;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The labelled corpus: notes, each with one question whose answer is that note (corpus/notes.tsv, written for this
 * project). Whether a question shares a content word with its note is computed, not labelled, so the report can
 * show how each method does when no word is shared (where keywords cannot help).
 */
public record Corpus(List<Note> notes, List<Question> questions) {

    /** A memory to store and the question that should find it. */
    public record Note(String id, String text, String question) {

        /** True when the question and the note have no content word in common (stop words and short words aside). */
        public boolean sharesNoWord() {
            Set<String> noteWords = words(text);
            return words(question).stream().noneMatch(noteWords::contains);
        }
    }

    /** A question and the note that answers it; {@code keyword} for the second, search-box style questions. */
    public record Question(String noteId, String text, boolean keyword, boolean sharesNoWord) {
    }

    static final String RESOURCE = "/corpus/notes.tsv";
    static final String KEYWORD_QUESTIONS = "/corpus/keyword-questions.tsv";

    /** Common words that full-text search ignores too; dropping them keeps the "no shared word" class honest. */
    private static final Set<String> STOP_WORDS = Set.of("the", "and", "for", "with", "what", "when", "where", "which",
            "who", "why", "how", "does", "did", "are", "was", "our", "your", "their", "this", "that", "from", "into",
            "need", "needs", "should", "can", "could", "must", "get", "gets", "its", "his", "her", "has", "have", "had",
            "not", "any", "all", "now", "new", "one", "two", "after", "before", "each", "every", "much", "many",
            "long", "way", "take", "takes", "go", "goes", "used", "use", "there", "than", "then", "them", "they");

    public static Corpus load() {
        List<Note> notes = new ArrayList<>();
        for (String[] fields : rows(RESOURCE, 3)) {
            notes.add(new Note(fields[0], fields[1], fields[2]));
        }
        Map<String, Note> byId = notes.stream().collect(Collectors.toMap(Note::id, note -> note));
        List<Question> questions = new ArrayList<>();
        for (Note note : notes) {
            questions.add(new Question(note.id(), note.question(), false, note.sharesNoWord()));
        }
        for (String[] fields : rows(KEYWORD_QUESTIONS, 2)) {
            Note note = byId.get(fields[0]);
            if (note == null) {
                throw new IllegalStateException(KEYWORD_QUESTIONS + " names an unknown note " + fields[0]);
            }
            Note asked = new Note(note.id(), note.text(), fields[1]);
            questions.add(new Question(note.id(), fields[1], true, asked.sharesNoWord()));
        }
        return new Corpus(List.copyOf(notes), List.copyOf(questions));
    }

    private static List<String[]> rows(String resource, int columns) {
        try (InputStream in = Corpus.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the jar");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String[]> rows = new ArrayList<>();
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] fields = line.split("\t");
                if (fields.length != columns) {
                    throw new IllegalStateException("bad line in " + resource + " (want " + columns + " columns): " + line);
                }
                for (int i = 0; i < fields.length; i++) {
                    fields[i] = fields[i].trim();
                }
                rows.add(fields);
            }
            return rows;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }

    /** Lower-case words of three letters or more, without stop words, crudely stemmed (plural s). */
    static Set<String> words(String text) {
        return List.of(text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")).stream()
                .filter(word -> word.length() >= 3 && !STOP_WORDS.contains(word))
                .map(word -> word.length() > 4 && word.endsWith("s") ? word.substring(0, word.length() - 1) : word)
                .collect(Collectors.toSet());
    }
}
