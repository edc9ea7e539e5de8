package org.copydesk.wordpress;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Set;
import java.util.regex.Pattern;

import io.agroal.api.AgroalDataSource;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.copydesk.web.DeskPaths;
import org.copydesk.web.SecurityHeaders;
import org.jboss.logging.Logger;

/**
 * The old WordPress addresses answer 301 to where their things live now: a post's permalink
 * ({@code /2024/05/12/slug/}) and short link ({@code /?p=123}) to its story's public path as it is now (a story not
 * published answers nothing here, so its old address is a plain 404), {@code /category/x/} to the section (or, for a
 * child category, the tag it became), {@code /tag/y/} to the tag's page, {@code /author/z/} to the author's.
 * <p>
 * A route filter ahead of the page cache (which would answer {@code /?p=123} with the front page): only requests that
 * look like a WordPress address (a trailing slash, {@code /category/}, {@code /tag/}, {@code /author/}, a path starting
 * with a year, or {@code /?p=}) are looked up, off the event loop, in one indexed query; everything else goes on untouched.
 */
@ApplicationScoped
public class OldAddresses {

    private static final Logger LOG = Logger.getLogger(OldAddresses.class);

    /** After the security headers (the answer carries them) and before the page cache. */
    static final int PRIORITY = SecurityHeaders.PRIORITY - 7;

    private static final Pattern YEAR_FIRST = Pattern.compile("^/\\d{4}(/.*)?$");
    private static final Set<String> WORDPRESS_FIRST = Set.of("category", "tag", "author");
    private static final Set<String> NEVER = Set.of("q", "static", "images", "bundle", "assets", "api", "desk", "login", "logout",
            "preview");

    static final String TARGET = "select case a.kind "
            + "when 'STORY' then (select s.public_path from story s where s.id = a.target_id and s.state = 'PUBLISHED' and s.update_of is null) "
            + "when 'SECTION' then (select '/' || s.slug from section s where s.id = a.target_id) "
            + "when 'TAG' then (select '/tags/' || t.slug from tag t where t.id = a.target_id) "
            + "when 'AUTHOR' then (select '/authors/' || au.slug from author au where au.id = a.target_id) "
            + "end from wordpress_address a where a.path = ?";

    @Inject
    AgroalDataSource database;

    void register(@Observes Filters filters) {
        filters.register(this::answer, PRIORITY);
    }

    void answer(RoutingContext context) {
        HttpMethod method = context.request().method();
        String key = (method == HttpMethod.GET || method == HttpMethod.HEAD) ? keyOf(context.request().path(), context.request().query())
                : null;
        if (key == null) {
            context.next();
            return;
        }
        context.vertx().<String>executeBlocking(() -> target(key), false).onComplete(found -> {
            if (found.succeeded() && found.result() != null) {
                context.response().setStatusCode(301).putHeader("Location", found.result())
                        .putHeader("Cache-Control", "public, max-age=3600").end();
            } else {
                if (found.failed()) {
                    LOG.debug("Old address not looked up: " + found.cause());
                }
                context.next();
            }
        });
    }

    /** The key an old address would be kept under, or null when the request does not look like one. */
    static String keyOf(String rawPath, String query) {
        if (rawPath == null || rawPath.isEmpty()) {
            return null;
        }
        if (rawPath.equals("/")) {
            return OldAddress.shortLink(query);
        }
        String first = rawPath.substring(1).split("/", 2)[0].toLowerCase(java.util.Locale.ROOT);
        if (NEVER.contains(first) || DeskPaths.isDesk(rawPath)) {
            return null;
        }
        if (rawPath.endsWith("/") || WORDPRESS_FIRST.contains(first) || YEAR_FIRST.matcher(rawPath).matches()) {
            return OldAddress.ofPath(rawPath);
        }
        return null;
    }

    /** Where the old address leads now, or null. */
    String target(String key) throws SQLException {
        try (Connection connection = database.getConnection(); PreparedStatement query = connection.prepareStatement(TARGET)) {
            query.setString(1, key);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
