package io.recallbricks.config;

import java.util.Locale;
import java.util.function.Function;

/** Parsers for environment values; each failure names the variable and what it expects. */
final class Values {

    private Values() {
    }

    static Function<String, Object> text() {
        return value -> value;
    }

    static Function<String, Object> integer(String variable, int min, int max) {
        return value -> {
            try {
                int parsed = Integer.parseInt(value);
                if (parsed < min || parsed > max) {
                    throw new InvalidConfigurationException(
                            variable + " must be between " + min + " and " + max + " (got " + value + ")");
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw new InvalidConfigurationException(variable + " must be a whole number (got '" + value + "')");
            }
        };
    }

    static Function<String, Object> bool(String variable) {
        return value -> switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new InvalidConfigurationException(variable + " must be true or false (got '" + value + "')");
        };
    }

    static Function<String, Object> secret(String variable, int minLength) {
        return value -> {
            if (!value.isEmpty() && value.length() < minLength) {
                throw new InvalidConfigurationException(variable + " must be at least " + minLength + " characters long");
            }
            return value;
        };
    }
}
