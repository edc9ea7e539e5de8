package org.copydesk.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerResponse;
import jakarta.enterprise.event.Observes;

/**
 * A Content-Security-Policy on every response: every asset comes from this site and no script runs
 * inline (the JSON-LD blocks are data, not scripts). The desk may not be framed by anyone.
 */
public class SecurityHeaders {

    /**
     * Before sign-in and permission checks (Quarkus's SecurityHandlerPriorities: authentication 200), so that
     * pages answered from memory ({@code site.CachedPages}, just below) carry the headers too.
     */
    public static final int PRIORITY = 260;

    static final String BASE = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'self'; form-action 'self'; ";
    static final String PUBLIC = BASE + "frame-ancestors 'self'";
    static final String DESK = BASE + "frame-ancestors 'none'";

    void register(@Observes Filters filters) {
        filters.register(context -> {
            String path = context.normalizedPath();
            boolean desk = DeskPaths.isDesk(path) || path.startsWith("/login");
            HttpServerResponse response = context.response();
            response.headers().set("Content-Security-Policy", desk ? DESK : PUBLIC);
            if (desk) {
                response.headers().set("X-Frame-Options", "DENY");
            }
            // Over https (directly or through the proxy in front), browsers are told to stay on https.
            if (RequestValues.overHttps(context)) {
                response.headers().set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
            }
            context.next();
        }, PRIORITY);
    }
}
