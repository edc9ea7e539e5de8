package org.copydesk.web;

import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import io.vertx.core.http.Cookie;
import io.vertx.core.http.CookieSameSite;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.ws.rs.core.Response;

/**
 * The one-line message shown after an action (Post/Redirect/Get): set on the redirect as a short-lived
 * cookie, shown by the next page through {@code {inject:flash.message}}, then cleared.
 */
@Named("flash")
@RequestScoped
public class Flash {

    public static final String COOKIE = "copydesk-flash";

    @Inject
    RoutingContext context;

    private String message;
    private boolean read;

    /** The message waiting for this page, if any; reading it clears it for the next page. */
    public String message() {
        if (!read) {
            read = true;
            Cookie cookie = context.request().getCookie(COOKIE);
            if (cookie != null) {
                message = URLDecoder.decode(cookie.getValue(), StandardCharsets.UTF_8);
                context.response().addCookie(Cookie.cookie(COOKIE, "").setPath("/").setMaxAge(0)
                        .setSecure(RequestValues.overHttps(context)));
            }
        }
        return message;
    }

    /**
     * A 303 See Other to {@code path} that carries {@code message} to the page it lands on. The cookie is
     * Secure over https, as the session cookie is: a message may carry a share-preview link, a secret.
     */
    public Response redirect(String path, String message) {
        if (message != null) {
            context.response().addCookie(Cookie.cookie(COOKIE, URLEncoder.encode(message, StandardCharsets.UTF_8))
                    .setPath("/").setHttpOnly(true).setSameSite(CookieSameSite.LAX).setMaxAge(120)
                    .setSecure(RequestValues.overHttps(context)));
        }
        return Response.seeOther(URI.create(path)).build();
    }
}
