package io.recallbricks.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

/**
 * {@code DATABASE_URL} in either form an operator is likely to have: the deployment guide's
 * {@code postgresql://user:pass@host:port/db?sslmode=require} (also {@code postgres://}), or a JDBC URL
 * {@code jdbc:postgresql://host:port/db?user=..&password=..}.
 */
public record DatabaseUrl(String jdbcUrl, String username, String password) {

    public static DatabaseUrl parse(String value) {
        String url = value.trim();
        if (url.startsWith("jdbc:postgresql:")) {
            return new DatabaseUrl(url, null, null);
        }
        if (!(url.startsWith("postgresql://") || url.startsWith("postgres://"))) {
            throw new InvalidConfigurationException(
                    "DATABASE_URL must start with postgresql://, postgres:// or jdbc:postgresql: (got '" + redact(url) + "')");
        }
        try {
            URI uri = new URI(url);
            if (uri.getHost() == null || uri.getPath() == null || uri.getPath().length() <= 1) {
                throw new InvalidConfigurationException(
                        "DATABASE_URL must name a host and a database, e.g. postgresql://user:pass@localhost:5432/recallbricks");
            }
            String username = null;
            String password = null;
            if (uri.getRawUserInfo() != null) {
                String[] parts = uri.getRawUserInfo().split(":", 2);
                username = decode(parts[0]);
                password = parts.length > 1 ? decode(parts[1]) : null;
            }
            String port = uri.getPort() > 0 ? ":" + uri.getPort() : "";
            String query = uri.getRawQuery() != null ? "?" + uri.getRawQuery() : "";
            return new DatabaseUrl("jdbc:postgresql://" + uri.getHost() + port + uri.getRawPath() + query, username, password);
        } catch (URISyntaxException e) {
            throw new InvalidConfigurationException("DATABASE_URL is not a valid URL: " + redact(url));
        }
    }

    /** The JDBC URL with driver parameters added; a parameter the operator already set in the URL wins. */
    static String withParameters(String jdbcUrl, String parameters) {
        StringBuilder url = new StringBuilder(jdbcUrl);
        for (String parameter : parameters.split("&")) {
            String name = parameter.substring(0, parameter.indexOf('='));
            if (!jdbcUrl.matches(".*[?&]" + name + "=.*")) {
                url.append(url.indexOf("?") < 0 ? '?' : '&').append(parameter);
            }
        }
        return url.toString();
    }

    private static String decode(String part) {
        return URLDecoder.decode(part, StandardCharsets.UTF_8);
    }

    /** The URL without its password, for messages. */
    static String redact(String url) {
        return url.replaceAll("://([^:/@]+):[^@]*@", "://$1:***@").replaceAll("(?i)(password=)[^&]*", "$1***");
    }
}
