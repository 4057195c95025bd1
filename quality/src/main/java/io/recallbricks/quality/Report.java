package io.recallbricks.quality;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The results as a console table, quality.json and quality.md (the gate's verdict included). */
public final class Report {

    private Report() {
    }

    public static String table(List<Benchmark.Result> results, boolean markdown) {
        StringBuilder out = new StringBuilder();
        String[] header = {"provider", "method", "endpoint", "R@1", "R@5", "R@10", "MRR", "R@5 no shared word", "MRR no shared word", "search_method"};
        if (markdown) {
            out.append("| ").append(String.join(" | ", header)).append(" |\n");
            out.append("|---|---|---|---:|---:|---:|---:|---:|---:|---|\n");
        } else {
            out.append(String.format(Locale.ROOT, "%-6s %-14s %-8s %6s %6s %6s %6s %8s %8s  %s%n", "prov.", "method", "endpoint",
                    "R@1", "R@5", "R@10", "MRR", "R@5 nsw", "MRR nsw", "search_method"));
        }
        for (Benchmark.Result result : results) {
            result.endpoints().forEach((endpoint, r) -> {
                String[] row = {result.provider(), result.method(), endpoint, f(r.recallAt1()), f(r.recallAt5()),
                        f(r.recallAt10()), f(r.mrr()), f(r.noSharedWordRecallAt5()), f(r.noSharedWordMrr()),
                        r.searchMethods().toString()};
                if (markdown) {
                    out.append("| ").append(String.join(" | ", row)).append(" |\n");
                } else {
                    out.append(String.format(Locale.ROOT, "%-6s %-14s %-8s %6s %6s %6s %6s %8s %8s  %s%n", (Object[]) row));
                }
            });
        }
        return out.toString();
    }

    static String f(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    public static void write(Path folder, Corpus corpus, List<Benchmark.Result> results, Gate.Verdict verdict)
            throws IOException {
        Files.createDirectories(folder);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("corpus", Map.of("notes", corpus.notes().size(), "questions", corpus.questions().size(),
                "keyword_questions", corpus.questions().stream().filter(Corpus.Question::keyword).count(),
                "questions_sharing_no_word", corpus.questions().stream().filter(Corpus.Question::sharesNoWord).count()));
        json.put("results", results);
        json.put("gate", verdict);
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(folder.resolve("quality.json").toFile(), json);
        StringBuilder md = new StringBuilder("# Retrieval quality\n\n");
        md.append(corpus.notes().size()).append(" notes, ").append(corpus.questions().size()).append(" questions (")
                .append(corpus.questions().stream().filter(Corpus.Question::sharesNoWord).count())
                .append(" share no content word with their note); 10 answers per question.\n\n");
        md.append(table(results, true)).append('\n');
        md.append("Gate: **").append(verdict.passed() ? "PASSED" : "FAILED").append("**\n\n");
        for (String line : verdict.lines()) {
            md.append("- ").append(line).append('\n');
        }
        Files.writeString(folder.resolve("quality.md"), md.toString());
    }
}
