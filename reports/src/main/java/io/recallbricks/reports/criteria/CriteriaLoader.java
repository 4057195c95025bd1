package io.recallbricks.reports.criteria;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads criteria files (YAML) and turns every problem into a message that names the line. */
final class CriteriaLoader {

    static final String DEFAULT_RESOURCE = "/success-criteria.yaml";

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private CriteriaLoader() {
    }

    static Criteria loadDefaults() {
        try (InputStream in = CriteriaLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("success-criteria.yaml missing from the reports jar");
            }
            return parse(in, "built-in success-criteria.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Criteria load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return parse(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new CriteriaException("criteria file " + file + " does not exist", e);
        } catch (IOException e) {
            throw new CriteriaException("criteria file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    private static Criteria parse(InputStream in, String source) throws IOException {
        String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        try {
            Criteria criteria = YAML.readValue(yaml, Criteria.class);
            if (criteria == null) {
                throw new CriteriaException("criteria file " + source + " is empty", null);
            }
            return criteria;
        } catch (JsonProcessingException e) {
            throw new CriteriaException(describe(source, yaml, e), e);
        }
    }

    /** "file, line L (criteria[2].percentile): what is wrong". */
    private static String describe(String source, String yaml, JsonProcessingException e) {
        StringBuilder msg = new StringBuilder("criteria file ").append(source);
        int line = 0;
        String where = "";
        JsonParseException syntax = syntaxError(e);
        if (syntax != null) {
            // A YAML syntax error: the parser's own location is the line to fix.
            e = syntax;
        } else if (e instanceof JsonMappingException jme && !jme.getPath().isEmpty()) {
            StringBuilder pointer = new StringBuilder();
            StringBuilder readable = new StringBuilder();
            for (JsonMappingException.Reference ref : jme.getPath()) {
                if (ref.getFieldName() != null) {
                    pointer.append('/').append(ref.getFieldName());
                    readable.append(readable.length() == 0 ? "" : ".").append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    pointer.append('/').append(ref.getIndex());
                    readable.append('[').append(ref.getIndex()).append(']');
                }
            }
            if (e.getCause() instanceof InvalidFieldException field) {
                pointer.append('/').append(field.field());
                readable.append('.').append(field.field());
            }
            line = LineIndex.of(yaml).lineOf(pointer.toString());
            where = " (" + readable + ")";
        }
        JsonLocation loc = e.getLocation();
        if (line == 0 && loc != null) {
            line = loc.getLineNr();
        }
        if (line > 0) {
            msg.append(", line ").append(line);
        }
        return msg.append(where).append(": ").append(reason(e)).toString();
    }

    private static JsonParseException syntaxError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonParseException parse) {
                return parse;
            }
        }
        return null;
    }

    private static String reason(JsonProcessingException e) {
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            return e.getCause().getMessage();
        }
        if (e instanceof UnrecognizedPropertyException upe) {
            return "unknown key '" + upe.getPropertyName() + "'";
        }
        String original = e.getOriginalMessage();
        int newline = original.indexOf('\n');
        return newline > 0 ? original.substring(0, newline) : original;
    }
}
