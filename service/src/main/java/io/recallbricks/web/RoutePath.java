package io.recallbricks.web;

import io.micronaut.http.HttpRequest;
import io.micronaut.web.router.RouteAttributes;
import io.micronaut.web.router.UriRouteMatch;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The one spelling of a request's path that access rules and rate-limit tiers decide on. Filters used to match the
 * raw path against patterns, so {@code /metrics/}, {@code //metrics} or {@code /%6Detrics} reached the controller
 * (the router is lenient about them) without meeting the rule written for {@code /metrics}.
 *
 * <p>When the router resolved a route, its template is the answer ({@code /api/v1/memories/{id}}): it is what will
 * run, however the path was spelled. Otherwise the path is normalised: percent-decoded (repeatedly, for double
 * encoding), backslashes read as slashes, runs of slashes collapsed, dot segments dropped, the trailing slash
 * removed and the case folded. Folding the case can only put more requests under a rule, never fewer.
 */
public final class RoutePath {

    private static final int MAX_DECODE_ROUNDS = 4;

    private RoutePath() {
    }

    /** The resolved route template, else the normalised path; lower case, no trailing slash ("/" for the root). */
    public static String of(HttpRequest<?> request) {
        String template = RouteAttributes.getRouteMatch(request)
                .filter(UriRouteMatch.class::isInstance)
                .map(match -> ((UriRouteMatch<?, ?>) match).getRouteInfo().getUriMatchTemplate().toString())
                .orElse(null);
        return normalise(template != null ? stripQueryVariables(template) : request.getPath());
    }

    /** The normalised form of a raw path (see the class comment). */
    public static String normalise(String rawPath) {
        String path = rawPath == null ? "/" : rawPath;
        for (int round = 0; round < MAX_DECODE_ROUNDS && path.indexOf('%') >= 0; round++) {
            String decoded = percentDecode(path);
            if (decoded.equals(path)) {
                break;
            }
            path = decoded;
        }
        path = path.replace('\\', '/');
        StringBuilder normal = new StringBuilder(path.length());
        for (String segment : path.split("/")) {
            if (segment.isEmpty() || segment.equals(".")) {
                continue;
            }
            if (segment.equals("..")) {
                int cut = normal.lastIndexOf("/");
                normal.setLength(Math.max(cut, 0));
                continue;
            }
            normal.append('/').append(segment);
        }
        return normal.length() == 0 ? "/" : normal.toString().toLowerCase(Locale.ROOT);
    }

    /** True when {@code path} (normalised) is {@code prefix} or lies under it. */
    public static boolean isUnder(String path, String prefix) {
        return path.equals(prefix) || path.startsWith(prefix + "/");
    }

    private static String stripQueryVariables(String template) {
        int query = template.indexOf("{?");
        return query < 0 ? template : template.substring(0, query);
    }

    // Only %XX sequences; a '+' stays a '+' (it is a space only in query strings).
    private static String percentDecode(String path) {
        StringBuilder out = new StringBuilder(path.length());
        byte[] pending = new byte[path.length()];
        int pendingLength = 0;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c == '%' && i + 2 < path.length()
                    && Character.digit(path.charAt(i + 1), 16) >= 0 && Character.digit(path.charAt(i + 2), 16) >= 0) {
                pending[pendingLength++] = (byte) Integer.parseInt(path.substring(i + 1, i + 3), 16);
                i += 2;
                continue;
            }
            if (pendingLength > 0) {
                out.append(new String(pending, 0, pendingLength, StandardCharsets.UTF_8));
                pendingLength = 0;
            }
            out.append(c);
        }
        if (pendingLength > 0) {
            out.append(new String(pending, 0, pendingLength, StandardCharsets.UTF_8));
        }
        return out.toString();
    }
}
