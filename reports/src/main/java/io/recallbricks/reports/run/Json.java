package io.recallbricks.reports.run;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The one JSON mapper of the module. Input files may carry fields this version does not know (producers evolve
 * first), so unknown fields are ignored on read; instants are ISO-8601 strings both ways.
 */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private Json() {
    }

    /** Reads {@code file} as {@code type}, or explains in one line why it cannot. */
    public static <T> T read(Path file, Class<T> type) {
        try {
            T value = MAPPER.readValue(file.toFile(), type);
            if (value == null) {
                throw new RunReadException(file + " is empty");
            }
            return value;
        } catch (NoSuchFileException e) {
            throw new RunReadException(file + " does not exist", e);
        } catch (JsonProcessingException e) {
            throw new RunReadException(file + " is not valid: " + oneLine(e), e);
        } catch (IOException e) {
            if (!Files.exists(file)) {
                throw new RunReadException(file + " does not exist", e);
            }
            throw new RunReadException(file + " cannot be read: " + e.getMessage(), e);
        }
    }

    /** Jackson's message with its location, on one line. */
    public static String oneLine(JsonProcessingException e) {
        String where = e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
        String msg = e.getOriginalMessage();
        int nl = msg.indexOf('\n');
        return (nl > 0 ? msg.substring(0, nl) : msg) + where;
    }
}
