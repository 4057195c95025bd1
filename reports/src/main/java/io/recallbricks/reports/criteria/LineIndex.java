package io.recallbricks.reports.criteria;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The line on which each value of a YAML document starts, by JSON Pointer ({@code /criteria/1/metric}).
 * Jackson reports a binding error where its parser stands, which is after the offending mapping; this index lets
 * the loader name the line of the key itself.
 */
final class LineIndex {
    private final Map<String, Integer> lines = new HashMap<>();

    private LineIndex() {
    }

    /** Indexes {@code yaml}; a document that does not even tokenize yields an empty index. */
    static LineIndex of(String yaml) {
        LineIndex index = new LineIndex();
        try (JsonParser p = new YAMLFactory().createParser(yaml)) {
            while (p.nextToken() != null) {
                // The pointer of a key and of its value are the same: the key's line is recorded first.
                index.lines.putIfAbsent(p.getParsingContext().pathAsPointer().toString(),
                        p.currentTokenLocation().getLineNr());
            }
        } catch (IOException | RuntimeException e) {
            // Syntax errors are reported by the binding parse with their own location.
        }
        return index;
    }

    /** The line of the value at {@code pointer}, else of its closest indexed parent; 0 when unknown. */
    int lineOf(String pointer) {
        String p = pointer;
        while (true) {
            Integer line = lines.get(p);
            if (line != null) {
                return line;
            }
            int slash = p.lastIndexOf('/');
            if (slash < 0) {
                return 0;
            }
            p = p.substring(0, slash);
        }
    }
}
