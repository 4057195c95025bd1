package io.recallbricks.compat;

import jakarta.inject.Singleton;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Automatic metadata for {@code POST /memories/learn}, computed from the text alone so it works offline and costs
 * nothing: deterministic rules, not a model.
 * <ul>
 *   <li>tags: {@code #hashtags}, then the most frequent content words (ties: first seen), at most {@value #MAX_TAGS};</li>
 *   <li>category: the category whose cue words occur most ({@link #CATEGORIES}), else {@code general};</li>
 *   <li>entities: e-mail addresses, URLs, {@code @mentions}, and runs of capitalised words that do not start a
 *   sentence (or that are several words long), at most {@value #MAX_ENTITIES};</li>
 *   <li>importance: 0.5, +0.2 for urgency words, +0.1 for a decision, +0.1 for a number or date, +0.1 for
 *   entities, at most 1;</li>
 *   <li>summary: the first sentence, at most {@value #MAX_SUMMARY} characters.</li>
 * </ul>
 */
@Singleton
public class LocalMetadataExtractor {

    static final int MAX_TAGS = 5;
    static final int MAX_ENTITIES = 10;
    static final int MAX_SUMMARY = 200;

    /** Cue words per category, checked as whole lowercase words or phrases. Order breaks ties. */
    static final Map<String, List<String>> CATEGORIES = categories();

    private static final Set<String> STOP_WORDS = Set.of("the", "a", "an", "and", "or", "but", "in", "on", "at", "to",
            "for", "of", "with", "by", "from", "is", "was", "are", "were", "been", "be", "have", "has", "had", "do",
            "does", "did", "will", "would", "could", "should", "can", "may", "might", "what", "when", "where", "who",
            "how", "why", "this", "that", "these", "those", "it", "its", "we", "our", "you", "your", "they", "their",
            "them", "he", "she", "his", "her", "not", "all", "any", "some", "use", "used", "uses", "using", "also",
            "than", "then", "there", "here", "into", "over", "about", "after", "before", "because", "which", "very",
            "just", "only", "more", "most", "such", "each", "other", "one", "two", "new", "now", "out", "up", "so",
            "if", "as", "i", "me", "my", "us", "no", "yes");
    private static final Set<String> URGENT = Set.of("important", "critical", "urgent", "must", "always", "never",
            "asap", "crucial", "essential", "required", "deadline", "blocker", "security");

    private static final Pattern HASHTAG = Pattern.compile("(?<![\\w#])#([\\p{L}\\p{N}][\\p{L}\\p{N}_-]{0,49})");
    private static final Pattern EMAIL = Pattern.compile("[\\w.+-]+@[\\w-]+(?:\\.[\\w-]+)+");
    private static final Pattern URL = Pattern.compile("https?://[^\\s)\\]]+");
    private static final Pattern MENTION = Pattern.compile("(?<![\\w@])@([A-Za-z0-9_][A-Za-z0-9_.-]{0,38})");
    // A capitalised word may contain inner dots ("Node.js") but a run never crosses a sentence end or a line.
    private static final String CAPITALISED_WORD = "\\p{Lu}[\\p{L}\\p{N}+#-]*(?:\\.[\\p{L}\\p{N}]+)*";
    private static final Pattern CAPITALISED_RUN = Pattern.compile("\\b(" + CAPITALISED_WORD + "(?:[ \\t]+" + CAPITALISED_WORD + ")*)");
    private static final Pattern NUMBER_OR_DATE = Pattern.compile("\\d");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+|\\n+");

    public LearnedMetadata extract(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> words = words(lower);
        String category = category(words, lower);
        List<String> entities = entities(text);
        return new LearnedMetadata(tags(text, words), category, entities,
                importance(words, category, text, entities), summary(text), "local");
    }

    /** The category of a text by its cue words; {@code general} when none occurs. */
    public String category(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return category(words(lower), lower);
    }

    /** The first sentence of a text, shortened to {@value #MAX_SUMMARY} characters. */
    public String summary(String text) {
        String first = SENTENCE_END.split(text.strip(), 2)[0].strip();
        return first.length() <= MAX_SUMMARY ? first : first.substring(0, MAX_SUMMARY - 3).stripTrailing() + "...";
    }

    private static List<String> words(String lower) {
        List<String> words = new ArrayList<>();
        for (String token : lower.split("[^\\p{L}\\p{N}_+#-]+")) {
            String word = token.replaceAll("^[-#]+|[-]+$", "");
            if (!word.isEmpty()) {
                words.add(word);
            }
        }
        return words;
    }

    private static List<String> tags(String text, List<String> words) {
        LinkedHashSet<String> tags = new LinkedHashSet<>();
        Matcher hashtags = HASHTAG.matcher(text);
        while (hashtags.find() && tags.size() < MAX_TAGS) {
            tags.add(hashtags.group(1).toLowerCase(Locale.ROOT));
        }
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String word : words) {
            if (word.length() > 2 && !STOP_WORDS.contains(word) && !word.chars().allMatch(Character::isDigit)) {
                counts.merge(word, 1, Integer::sum);
            }
        }
        Map<String, Integer> firstSeen = new HashMap<>();
        int position = 0;
        for (String word : counts.keySet()) {
            firstSeen.put(word, position++);
        }
        counts.keySet().stream()
                .sorted(Comparator.comparing((String word) -> -counts.get(word)).thenComparing(firstSeen::get))
                .forEach(word -> {
                    if (tags.size() < MAX_TAGS) {
                        tags.add(word);
                    }
                });
        return List.copyOf(tags);
    }

    private static String category(List<String> words, String lower) {
        Set<String> present = new LinkedHashSet<>(words);
        String best = "general";
        int bestHits = 0;
        for (Map.Entry<String, List<String>> entry : CATEGORIES.entrySet()) {
            int hits = 0;
            for (String cue : entry.getValue()) {
                if (cue.contains(" ") ? containsPhrase(lower, cue) : present.contains(cue)) {
                    hits++;
                }
            }
            if (hits > bestHits) {
                best = entry.getKey();
                bestHits = hits;
            }
        }
        return best;
    }

    private static boolean containsPhrase(String lower, String phrase) {
        return Pattern.compile("\\b" + Pattern.quote(phrase) + "\\b").matcher(lower).find();
    }

    private static List<String> entities(String text) {
        LinkedHashSet<String> entities = new LinkedHashSet<>();
        for (Pattern pattern : List.of(EMAIL, URL)) {
            Matcher matcher = pattern.matcher(text);
            while (matcher.find()) {
                entities.add(matcher.group());
            }
        }
        Matcher mentions = MENTION.matcher(text);
        while (mentions.find()) {
            entities.add("@" + mentions.group(1));
        }
        Matcher runs = CAPITALISED_RUN.matcher(text);
        while (runs.find()) {
            String run = runs.group(1);
            boolean startsSentence = startsSentence(text, runs.start());
            boolean severalWords = run.contains(" ");
            if (run.length() > 1 && (!startsSentence || severalWords) && !STOP_WORDS.contains(run.toLowerCase(Locale.ROOT))) {
                entities.add(startsSentence && severalWords ? dropLeadingStopWord(run) : run);
            }
        }
        return entities.stream().filter(e -> !e.isBlank()).limit(MAX_ENTITIES).toList();
    }

    private static boolean startsSentence(String text, int index) {
        int i = index - 1;
        while (i >= 0 && Character.isWhitespace(text.charAt(i))) {
            i--;
        }
        return i < 0 || ".!?:\n\"'(".indexOf(text.charAt(i)) >= 0;
    }

    // "The Acme Corp" at the start of a sentence names "Acme Corp".
    private static String dropLeadingStopWord(String run) {
        int space = run.indexOf(' ');
        String first = run.substring(0, space).toLowerCase(Locale.ROOT);
        return STOP_WORDS.contains(first) ? run.substring(space + 1) : run;
    }

    private static double importance(List<String> words, String category, String text, List<String> entities) {
        double score = 0.5;
        if (words.stream().anyMatch(URGENT::contains)) {
            score += 0.2;
        }
        if (category.equals("decision")) {
            score += 0.1;
        }
        if (NUMBER_OR_DATE.matcher(text).find()) {
            score += 0.1;
        }
        if (!entities.isEmpty()) {
            score += 0.1;
        }
        return Math.round(Math.min(score, 1.0) * 100) / 100.0;
    }

    private static Map<String, List<String>> categories() {
        Map<String, List<String>> categories = new LinkedHashMap<>();
        categories.put("decision", List.of("decided", "decide", "decision", "chose", "chosen", "agreed", "we will",
                "going with", "settled on", "approved", "picked"));
        categories.put("preference", List.of("prefer", "prefers", "preferred", "preference", "likes", "like",
                "dislikes", "favorite", "favourite", "wants", "rather"));
        categories.put("task", List.of("todo", "to-do", "need to", "needs to", "must", "deadline", "due", "remind",
                "follow up", "action item", "task"));
        categories.put("issue", List.of("bug", "error", "errors", "fails", "failed", "failure", "crash", "crashes",
                "exception", "broken", "issue", "outage", "incident"));
        categories.put("technical", List.of("api", "database", "server", "code", "function", "deploy", "deployed",
                "endpoint", "library", "config", "configuration", "query", "schema", "java", "python", "typescript",
                "postgresql", "docker", "kubernetes"));
        categories.put("meeting", List.of("meeting", "call", "discussed", "standup", "sync", "agenda", "attendees"));
        categories.put("personal", List.of("birthday", "family", "lives", "born", "hobby", "name is", "married"));
        return Collections.unmodifiableMap(categories);
    }
}
