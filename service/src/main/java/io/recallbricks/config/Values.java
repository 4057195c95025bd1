package io.recallbricks.config;

import java.util.Arrays;
import java.util.List;
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
            if (!value.isEmpty()) {
                Secrets.weakness(value).ifPresent(reason -> {
                    throw new InvalidConfigurationException(variable + " " + reason
                            + "; generate one with: openssl rand -hex 32");
                });
            }
            return value;
        };
    }

    /** An http(s) URL, or empty. */
    static Function<String, Object> httpUrl(String variable) {
        return value -> {
            if (value.isEmpty()) {
                return value;
            }
            try {
                java.net.URI uri = java.net.URI.create(value);
                if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                throw new InvalidConfigurationException(variable + " must be an http(s) URL (got '" + value + "')");
            }
            return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
        };
    }

    /** A whole number of seconds, as a Micronaut duration ("15s"). */
    static Function<String, Object> seconds(String variable, int min, int max) {
        return value -> integer(variable, min, max).apply(value) + "s";
    }

    /** A whole number of minutes, as a Micronaut duration ("60m"). */
    static Function<String, Object> minutes(String variable, int min, int max) {
        return value -> integer(variable, min, max).apply(value) + "m";
    }

    static Function<String, Object> decimal(String variable, double min, double max) {
        return value -> {
            try {
                double parsed = Double.parseDouble(value);
                if (!(parsed >= min && parsed <= max)) {
                    throw new InvalidConfigurationException(
                            variable + " must be between " + min + " and " + max + " (got " + value + ")");
                }
                return parsed;
            } catch (NumberFormatException e) {
                throw new InvalidConfigurationException(variable + " must be a number (got '" + value + "')");
            }
        };
    }

    static Function<String, Object> oneOf(String variable, String... allowed) {
        return value -> {
            String lower = value.toLowerCase(Locale.ROOT);
            for (String option : allowed) {
                if (option.equals(lower)) {
                    return option;
                }
            }
            throw new InvalidConfigurationException(variable + " must be one of " + String.join(", ", allowed)
                    + " (got '" + value + "')");
        };
    }

    /** A comma-separated list, blanks dropped; an empty value is an empty list. */
    static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
    }

    static Function<String, Object> redisUrl(String variable) {
        return value -> {
            if (!value.isEmpty() && !(value.startsWith("redis://") || value.startsWith("rediss://"))) {
                throw new InvalidConfigurationException(variable + " must start with redis:// or rediss:// (got a value that does not)");
            }
            return value;
        };
    }

    static Function<String, Object> networks(String variable) {
        return value -> {
            List<String> networks = list(value);
            for (String network : networks) {
                if (!network.matches("[0-9A-Fa-f:.]+(/\\d{1,3})?")) {
                    throw new InvalidConfigurationException(variable + " must list networks in CIDR form, e.g. 10.0.0.0/8 (got '" + network + "')");
                }
            }
            return String.join(",", networks);
        };
    }
}
