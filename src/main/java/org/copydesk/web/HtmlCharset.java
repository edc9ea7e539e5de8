package org.copydesk.web;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpHeaders;
import jakarta.enterprise.event.Observes;

/**
 * Every HTML answer says it is UTF-8. Quarkus REST writes {@code text/html;charset=UTF-8} for a template a resource
 * returns, but a {@code Response} built by hand (a form shown again with its errors after a POST, an error page)
 * carries the bare {@code text/html} of {@code @Produces}, and a browser then guesses the encoding of a headline in
 * Turkish or Arabic. Set as the headers go out, whoever wrote them.
 */
public class HtmlCharset {

    /** Runs before everything else, so its end handler sees every answer, kept pages' included. */
    static final int PRIORITY = SecurityHeaders.PRIORITY + 10;

    void register(@Observes Filters filters) {
        filters.register(context -> {
            MultiMap headers = context.response().headers();
            context.addHeadersEndHandler(ignored -> {
                String type = headers.get(HttpHeaders.CONTENT_TYPE);
                String typeWithCharset = withCharset(type);
                if (typeWithCharset != type) {
                    headers.set(HttpHeaders.CONTENT_TYPE, typeWithCharset);
                }
            });
            context.next();
        }, PRIORITY);
    }

    /** {@code text/html} without a charset gets {@code ;charset=UTF-8}; anything else is left as it is (null too). */
    public static String withCharset(String contentType) {
        if (contentType == null || !contentType.regionMatches(true, 0, "text/html", 0, 9)
                || contentType.toLowerCase(java.util.Locale.ROOT).contains("charset=")) {
            return contentType;
        }
        return contentType + ";charset=UTF-8";
    }
}
