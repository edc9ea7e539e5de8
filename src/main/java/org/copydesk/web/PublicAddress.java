package org.copydesk.web;

import java.net.URI;
import java.util.Optional;

import io.quarkus.runtime.Startup;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.UriInfo;

/**
 * The site's absolute address, the one place it is computed: for feeds, sitemaps, canonical links, structured
 * data, share links and redirects. When {@code copydesk.public-url} ({@code COPYDESK_PUBLIC_URL}) is set, it is
 * that, whatever Host header a request came with (a page kept in memory or by a CDN must not carry an address
 * someone made up); otherwise the address the request reached us at, as before.
 */
@ApplicationScoped
@Startup
public class PublicAddress {

    /** After the security headers and before pages answered from memory: a redirect's Location is set late. */
    static final int PRIORITY = SecurityHeaders.PRIORITY - 5;

    private final Optional<String> configured;
    private final String local;

    @Inject
    PublicAddress(CopydeskConfig config,
                  @org.eclipse.microprofile.config.inject.ConfigProperty(name = "quarkus.http.port", defaultValue = "8080") int port) {
        this(config.publicUrl(), port);
    }

    PublicAddress(Optional<String> url) {
        this(url, 8080);
    }

    PublicAddress(Optional<String> url, int port) {
        this.configured = url.map(String::strip).filter(u -> !u.isEmpty()).map(PublicAddress::checked);
        this.local = "http://localhost:" + port;
    }

    /** The configured address without a trailing slash; refuses at start-up what cannot be one. */
    static String checked(String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("COPYDESK_PUBLIC_URL is not an address: " + url);
        }
        if (!("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme())) || uri.getHost() == null
                || uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
            throw new IllegalStateException("COPYDESK_PUBLIC_URL must be an http or https address such as "
                    + "https://news.example.com, without a query: " + url);
        }
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    /** Whether a public address is configured (then pages do not depend on the Host header). */
    public boolean configured() {
        return configured.isPresent();
    }

    /**
     * The site's address where no request tells it (a webhook's payload, written when a story is published): the
     * configured one, or else this node's own on localhost, which only a receiver on the same machine can follow
     * (docs/api.md says to set COPYDESK_PUBLIC_URL).
     */
    public String baseWithoutRequest() {
        return configured.orElse(local);
    }

    /** The site's absolute base address, without a trailing slash. */
    public String base(UriInfo uri) {
        return configured.orElseGet(() -> {
            String base = uri.getBaseUri().toString();
            return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        });
    }

    /** The same, from the request as Vert.x has it. */
    public String base(RoutingContext context) {
        return configured.orElseGet(() -> requestOrigin(context.request()));
    }

    private static String requestOrigin(HttpServerRequest request) {
        return request.scheme() + "://" + request.authority();
    }

    /**
     * Redirects: the REST layer makes a relative Location absolute with the address the request reached us at;
     * with a public address configured, that part is replaced by it.
     */
    void register(@Observes Filters filters) {
        if (configured.isEmpty()) {
            return;
        }
        String base = configured.get();
        filters.register(context -> {
            context.addHeadersEndHandler(ignored -> {
                String location = context.response().headers().get(HttpHeaders.LOCATION);
                if (location == null) {
                    return;
                }
                String origin = requestOrigin(context.request());
                if (location.startsWith(origin) && (location.length() == origin.length() || location.charAt(origin.length()) == '/')) {
                    context.response().headers().set(HttpHeaders.LOCATION, base + location.substring(origin.length()));
                } else if (location.startsWith("/") && !location.startsWith("//")) {
                    context.response().headers().set(HttpHeaders.LOCATION, base + location);
                }
            });
            context.next();
        }, PRIORITY);
    }
}
