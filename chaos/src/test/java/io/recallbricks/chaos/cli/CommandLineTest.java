package io.recallbricks.chaos.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CommandLineTest {

    private static final Set<String> OPTIONS = Set.of("port", "name");

    @Test
    void readsBothOptionForms() {
        CommandLine options = CommandLine.parse(List.of("--port", "9090", "--name=x"), OPTIONS);
        assertEquals(9090, options.integer("port", 0, 0, 65535));
        assertEquals("x", options.string("name", "default"));
    }

    @Test
    void missingOptionsTakeTheirDefaults() {
        CommandLine options = CommandLine.parse(List.of(), OPTIONS);
        assertEquals(7, options.integer("port", 7, 0, 65535));
        assertEquals("default", options.string("name", "default"));
    }

    @Test
    void wrongCommandLinesAreExplained() {
        assertMessage("unknown option --colour", () -> CommandLine.parse(List.of("--colour", "red"), OPTIONS));
        assertMessage("needs a value", () -> CommandLine.parse(List.of("--port"), OPTIONS));
        assertMessage("unexpected argument", () -> CommandLine.parse(List.of("9090"), OPTIONS));
        assertMessage("whole number", () -> CommandLine.parse(List.of("--port", "ninety"), OPTIONS)
                .integer("port", 0, 0, 65535));
        assertMessage("between 0 and 65535", () -> CommandLine.parse(List.of("--port", "70000"), OPTIONS)
                .integer("port", 0, 0, 65535));
        assertMessage("--name is required", () -> CommandLine.parse(List.of(), OPTIONS).required("name"));
    }

    private static void assertMessage(String expected, Runnable action) {
        CommandLine.UsageException e = assertThrows(CommandLine.UsageException.class, action::run);
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }
}
