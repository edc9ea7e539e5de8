package org.copydesk.wordpress;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * An old WordPress address as it is kept and looked up: the path percent-decoded (WordPress writes
 * {@code %d0%bf}, browsers send {@code %D0%BF}), in lower case, without trailing slashes; a post's short link
 * {@code /?p=123} keeps its query.
 */
final class OldAddress {

    private OldAddress() {
    }

    /** The path of a link of the old site ({@code http://host/2024/05/12/slug/}), or null when it has none. */
    static String ofLink(String link) {
        if (link == null || link.isBlank()) {
            return null;
        }
        try {
            URI uri = new URI(link.strip().replace("&#038;", "&").replace("&amp;", "&").replace(" ", "%20"));
            String path = uri.getRawPath();
            String query = uri.getRawQuery();
            if (query != null && (path == null || path.isEmpty() || path.equals("/"))) {
                return shortLink(query);
            }
            return path == null ? null : ofPath(path);
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }

    /** {@code p=123} (or {@code page_id=}, {@code cat=}) as kept: "/?p=123"; null for any other query. */
    static String shortLink(String query) {
        if (query == null) {
            return null;
        }
        for (String pair : query.replace("&#038;", "&").replace("&amp;", "&").split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                String name = pair.substring(0, equals);
                String value = pair.substring(equals + 1);
                if ((name.equals("p") || name.equals("page_id")) && value.matches("\\d{1,18}")) {
                    return "/?p=" + Long.parseLong(value);
                }
            }
        }
        return null;
    }

    /** A request's raw path as kept; null when it cannot be read. */
    static String ofPath(String rawPath) {
        String decoded;
        try {
            decoded = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return null;
        }
        String path = decoded.replaceAll("/{2,}", "/").toLowerCase(Locale.ROOT);
        while (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return path.startsWith("/") ? path : "/" + path;
    }
}
