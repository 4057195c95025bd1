package io.recallbricks.testing;

import io.micronaut.runtime.server.EmbeddedServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Raw HTTP for tests that need the path exactly as written ({@code //}, {@code %73}, upper case): the JDK client sends
 * the URI untouched, where Micronaut's client would normalise it.
 */
public final class RawHttp {

    private final HttpClient http = HttpClient.newHttpClient();
    private final String base;

    public RawHttp(EmbeddedServer server) {
        this.base = "http://127.0.0.1:" + server.getPort();
    }

    /** A request: method, raw path (with query), headers as name-value pairs, and a JSON body or null. */
    public HttpResponse<String> send(String method, String rawPath, String json, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + rawPath))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * The spellings of a path a lenient router or a prefix match may treat differently: as written, with a trailing
     * slash, with a doubled slash, in upper case, and with one letter of its last segment percent-encoded.
     */
    public static Map<String, String> spellings(String path) {
        int last = path.lastIndexOf('/');
        String segment = path.substring(last + 1);
        String encoded = segment.isEmpty() ? path
                : path.substring(0, last + 1) + "%" + String.format("%02X", (int) segment.charAt(0)) + segment.substring(1);
        return Map.of(
                "as written", path,
                "trailing slash", path + "/",
                "double slash", path.replaceFirst("/", "//"),
                "inner double slash", last > 0 ? path.substring(0, last) + "//" + segment : "/" + path,
                "upper case", path.toUpperCase(Locale.ROOT),
                "percent-encoded", encoded);
    }

    public static List<String> hostileStrings() {
        return List.of("a\u0000b", "\u0000", "bad \ud800 surrogate");
    }
}
